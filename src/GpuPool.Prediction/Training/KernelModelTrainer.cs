using GpuPool.Prediction.Features;
using GpuPool.Prediction.Models;
using Microsoft.ML;

namespace GpuPool.Prediction.Training;

/// <summary>Trains the kernel-wise NP model with one learner on a list of samples.</summary>
public sealed class KernelModelTrainer(TimeProvider time)
{
    public KernelNpModel Train(IReadOnlyList<PairSample> samples, FeatureSet features, LearnerKind learner, LearnerOptions options, string dataSet)
    {
        ArgumentNullException.ThrowIfNull(samples);
        ArgumentNullException.ThrowIfNull(features);
        ArgumentNullException.ThrowIfNull(options);
        options.Validated();
        if (samples.Count == 0)
        {
            throw new ArgumentException("Training needs at least one sample.", nameof(samples));
        }

        // 1. One context per model, seeded, so training is repeatable.
        var ml = new MLContext(seed: options.Seed);

        // 2. Samples to a data view sized by the feature set; the label divided by the set's target scale.
        var data = MlData.View(ml, samples.Select(s => s.Features), features.Count, samples.Select(s => (float)(s.Label / features.Scale(s.Features))));

        // 3. Fit the learner's pipeline.
        var transformer = LearnerCatalog.Pipeline(ml, learner, options).Fit(data);

        // 4. Record how it was made.
        var metadata = new ModelMetadata(features.Schema, dataSet, learner.ToString(), options.Describe(), samples.Count, time.GetUtcNow());
        return new KernelNpModel(ml, transformer, data.Schema, features, metadata);
    }
}
