using GpuPool.Prediction.Features;
using GpuPool.Prediction.Models;
using Microsoft.ML;

namespace GpuPool.Prediction.Training;

/// <summary>
/// Trains the kernel-wise NP model with one learner on a list of samples. A learner that cannot
/// learn (every feature constant, the fit throws, it predicts a non-finite value or one value for
/// every sample, or a linear fit does worse than the mean on its own samples) leaves a mean model that says why (<see cref="KernelNpModel.Fallback"/>),
/// never NaN and never an exception.
/// </summary>
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

        options = options.For(samples.Count);

        // 1. The target: the label divided by the set's target scale; its mean is the fallback.
        var targets = samples.Select(s => s.Label / features.Scale(s.Features)).ToArray();
        var metadata = new ModelMetadata(features.Schema, dataSet, learner.ToString(), options.Describe(), samples.Count, time.GetUtcNow());
        if (ConstantFeatures.Of(samples, features).Count == features.Count)
        {
            return Mean(features, metadata, targets, $"every feature is constant over its {samples.Count} samples");
        }

        // 2. One context per model, seeded, so training is repeatable; the learner's pipeline fitted.
        var ml = new MLContext(seed: options.Seed);
        var data = MlData.View(ml, samples.Select(s => s.Features), features.Count, targets.Select(t => (float)t));
        ITransformer transformer;
        try
        {
            transformer = LearnerCatalog.Pipeline(ml, learner, options).Fit(data);
        }
        catch (Exception e) when (e is InvalidOperationException or ArgumentException or ArithmeticException or IndexOutOfRangeException)
        {
            return Mean(features, metadata, targets, $"the fit failed: {e.Message}");
        }

        // 3. A fit that predicts non-finite values, or its own samples worse than their mean, learned nothing.
        var model = new KernelNpModel(ml, transformer, data.Schema, features, metadata);
        var rows = samples.Select(s => s.Features).ToList();
        var fitted = model.PredictMany(rows);
        if (!fitted.All(double.IsFinite))
        {
            model.Dispose();
            return Mean(features, metadata, targets, "it predicts non-finite values");
        }

        // A tree ensemble that found no split predicts one value (FastTree's is 0: it does not start
        // from the mean); a linear fit worse than the mean on its own samples has diverged. Boosted
        // trees with few rounds may still sit below the mean in sample: they are left alone.
        var labels = samples.Select(s => s.Label).ToList();
        var meanTarget = targets.Average();
        var fittedTargets = fitted.Select((f, i) => f / features.Scale(rows[i])).ToList();
        if (fittedTargets.Max() - fittedTargets.Min() <= 1e-9 * Math.Max(1, Math.Abs(meanTarget)) && targets.Max() > targets.Min())
        {
            model.Dispose();
            return Mean(features, metadata, targets, "it predicts one value for every sample (no split or slope found)");
        }

        if (learner == LearnerKind.Sdca && MeanAbsoluteError(labels, fitted) > MeanAbsoluteError(labels, [.. rows.Select(r => meanTarget * features.Scale(r))]))
        {
            model.Dispose();
            return Mean(features, metadata, targets, "it fits its own training samples worse than their mean");
        }

        return model;
    }

    private static KernelNpModel Mean(FeatureSet features, ModelMetadata metadata, double[] targets, string reason) =>
        new(features, metadata, targets.Average(), reason);

    private static double MeanAbsoluteError(IReadOnlyList<double> measured, IReadOnlyList<double> predicted) =>
        measured.Select((m, i) => Math.Abs(predicted[i] - m)).Average();
}
