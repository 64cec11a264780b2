using GpuPool.Core.Datasets;
using GpuPool.Core.Gpus;
using GpuPool.Core.Kernels;

namespace GpuPool.Prediction.Tests;

/// <summary>Hand-made kernel profiles and co-run data sets for tests.</summary>
public static class Profiles
{
    /// <summary>A kernel with 256-thread blocks (1/8 of an SM's threads), 32 registers, no shared memory.</summary>
    public static KernelProfile Kernel(
        string id,
        IReadOnlyDictionary<string, double>? counters = null,
        IReadOnlyDictionary<int, IReadOnlyDictionary<string, double>>? quotaCounters = null,
        double seconds = 1.0) =>
        new(id, new LaunchGeometry(gridBlocks: 640, threadsPerBlock: 256, registersPerThread: 32, sharedMemoryPerBlockBytes: 0), seconds, counters ?? new Dictionary<string, double>(), quotaCounters);

    /// <summary>
    /// A data set of <paramref name="kernels"/> kernels with seeded counters and every pair at a few
    /// quota pairs; NP follows a smooth made-up law of DRAM and compute contention, so a model can learn it.
    /// </summary>
    public static ProfileDataset Synthetic(int kernels, int seed = 3)
    {
        var random = new Random(seed);
        var profiles = Enumerable.Range(0, kernels).Select(i => Kernel($"k{i:00}", new Dictionary<string, double>
        {
            [CounterNames.DramBandwidth] = random.NextDouble(),
            [CounterNames.SpBusy] = random.NextDouble(),
            [CounterNames.Ipc] = 100 + (1000 * random.NextDouble()),
            [CounterNames.MemoryLatency] = 200 + (300 * random.NextDouble()),
        })).ToList();
        var pairs = new List<KernelPairMeasurement>();
        for (var a = 0; a < kernels; a++)
        {
            for (var b = a + 1; b < kernels; b++)
            {
                foreach (var (qa, qb) in new[] { (2, 6), (4, 4), (6, 2) })
                {
                    pairs.Add(new KernelPairMeasurement(profiles[a].Id, profiles[b].Id, qa, qb, Law(profiles[a], profiles[b], qa), Law(profiles[b], profiles[a], qb)));
                }
            }
        }

        return new ProfileDataset(GpuModel.V100, profiles, pairs);
    }

    private static double Law(KernelProfile x, KernelProfile y, int quota)
    {
        var dram = x.Counter(CounterNames.DramBandwidth) + y.Counter(CounterNames.DramBandwidth);
        var compute = x.Counter(CounterNames.SpBusy) + y.Counter(CounterNames.SpBusy);
        return Math.Clamp(1.0 - (0.3 * Math.Max(0, dram - 0.8)) - (0.2 * Math.Max(0, compute - 1.0)) - (0.04 * (8 - quota)), 0.1, 1.0);
    }
}
