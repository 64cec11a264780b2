using GpuPool.Prediction.Features;

namespace GpuPool.Prediction.Training;

/// <summary>Features that take one value over a list of samples: no learner can split on them or fit a slope to them.</summary>
public static class ConstantFeatures
{
    /// <summary>The names of the features of <paramref name="features"/> that are the same in every sample.</summary>
    public static IReadOnlyList<string> Of(IReadOnlyList<PairSample> samples, FeatureSet features)
    {
        ArgumentNullException.ThrowIfNull(samples);
        ArgumentNullException.ThrowIfNull(features);
        if (samples.Count == 0)
        {
            return [.. features.Schema.Names];
        }

        var first = samples[0].Features;
        return [.. features.Schema.Names.Where((_, i) => samples.All(s => s.Features[i].Equals(first[i])))];
    }
}
