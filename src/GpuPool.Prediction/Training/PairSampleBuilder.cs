using GpuPool.Core.Datasets;
using GpuPool.Prediction.Features;

namespace GpuPool.Prediction.Training;

/// <summary>Turns measured co-runs into model samples: two per row, A's then B's, in row order.</summary>
public static class PairSampleBuilder
{
    public static IReadOnlyList<PairSample> Build(ProfileDataset dataset, FeatureSet features)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        ArgumentNullException.ThrowIfNull(features);
        var profiles = dataset.Profiles.ToDictionary(p => p.Id, StringComparer.Ordinal);
        var samples = new List<PairSample>(dataset.Pairs.Count * 2);
        for (var row = 0; row < dataset.Pairs.Count; row++)
        {
            var pair = dataset.Pairs[row];
            var a = new KernelAtQuota(Lookup(profiles, pair.KernelA, row), pair.QuotaA, dataset.Gpu);
            var b = new KernelAtQuota(Lookup(profiles, pair.KernelB, row), pair.QuotaB, dataset.Gpu);
            samples.Add(new PairSample(row, pair.KernelA, pair.KernelB, features.Extract(a, b), pair.NpA));
            samples.Add(new PairSample(row, pair.KernelB, pair.KernelA, features.Extract(b, a), pair.NpB));
        }

        return samples;
    }

    private static Core.Kernels.KernelProfile Lookup(Dictionary<string, Core.Kernels.KernelProfile> profiles, string id, int row) =>
        profiles.TryGetValue(id, out var profile)
            ? profile
            : throw new ArgumentException($"Pair row {row}: kernel '{id}' has no profile in the data set.", nameof(id));
}
