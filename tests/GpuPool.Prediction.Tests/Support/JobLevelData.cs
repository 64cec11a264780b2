using GpuPool.Core.Datasets;
using GpuPool.Core.Gpus;
using GpuPool.Core.Kernels;
using GpuPool.Core.Sharing;
using GpuPool.Simulation.Gpus;
using GpuPool.Simulation.Workloads;

namespace GpuPool.Prediction.Tests.Support;

/// <summary>
/// Job-level data sets made from the embedded synthetic kernels: each job runs a seeded draw of
/// 2-4 kernels, its profile is one row of utilisation-style counters under names the feature
/// catalogue does not know (duration-weighted means over its kernels) with one geometry for every
/// job, and each pair of jobs has one co-run at an even split whose NPs come from the simulated
/// GPU (each kernel of a job beside the partner's kernel mix, weighted by duration).
/// </summary>
public static class JobLevelData
{
    /// <summary>The six counters of <see cref="Six"/>: job-level name, then the kernel counter it averages.</summary>
    public static IReadOnlyList<(string Job, string Kernel)> SixCounters { get; } =
    [
        ("sm_util", CounterNames.ComputeBusy), ("dram_util", CounterNames.DramBandwidth), ("fp32_util", CounterNames.SpBusy),
        ("int_util", CounterNames.IntBusy), ("l2_miss", CounterNames.L2MissRate), ("mem_latency", CounterNames.MemoryLatency),
    ];

    /// <summary>Jobs described by six utilisation-style counters.</summary>
    public static ProfileDataset Six(int jobs, int seed) => Build(jobs, seed, oneFeature: false);

    /// <summary>Jobs described by their isolated throughput alone (iterations per second).</summary>
    public static ProfileDataset Throughput(int jobs, int seed) => Build(jobs, seed, oneFeature: true);

    private static ProfileDataset Build(int jobs, int seed, bool oneFeature)
    {
        // 1. Jobs: a seeded draw of the embedded kernels each.
        var kernels = EmbeddedWorkload.Dataset().Profiles;
        var random = new Random(seed);
        var members = Enumerable.Range(0, jobs).Select(_ => Enumerable.Range(0, 2 + random.Next(3)).Select(_ => kernels[random.Next(kernels.Count)]).ToArray()).ToList();

        // 2. One row per job: one geometry for all, counters averaged over the job's kernels by duration.
        var geometry = new LaunchGeometry(gridBlocks: 640, threadsPerBlock: 256, registersPerThread: 32, sharedMemoryPerBlockBytes: 0);
        var profiles = members.Select((m, j) =>
        {
            var seconds = m.Sum(k => k.IsolatedSeconds);
            var counters = oneFeature
                ? new Dictionary<string, double> { ["throughput"] = 1.0 / seconds }
                : SixCounters.ToDictionary(c => c.Job, c => m.Sum(k => k.Counter(c.Kernel) * k.IsolatedSeconds) / seconds);
            return new KernelProfile($"job{j:000}", geometry, seconds, counters);
        }).ToList();

        // 3. One co-run per job pair at an even split, answered by the simulated GPU.
        var gpu = CalibratedCoRunModel.For(EmbeddedWorkload.Dataset());
        var pairs = new List<KernelPairMeasurement>();
        for (var a = 0; a < jobs; a++)
        {
            for (var b = a + 1; b < jobs; b++)
            {
                pairs.Add(new KernelPairMeasurement(profiles[a].Id, profiles[b].Id, 1, 1, JobNp(gpu, members[a], members[b]), JobNp(gpu, members[b], members[a])));
            }
        }

        return new ProfileDataset(GpuModel.V100, profiles, pairs);
    }

    /// <summary>x's NP beside y: its work over the time each kernel takes at its mean rate beside y's kernels.</summary>
    private static double JobNp(ICoRunModel gpu, KernelProfile[] x, KernelProfile[] y)
    {
        var time = x.Sum(k => k.IsolatedSeconds / y.Average(p => Rate(gpu, k, p)));
        return Math.Clamp(x.Sum(k => k.IsolatedSeconds) / time, 0.001, 2.0);
    }

    private static double Rate(ICoRunModel gpu, KernelProfile x, KernelProfile y)
    {
        var (quotaX, quotaY) = SharingSetting.Split(0.5).ThreadBlockQuotas(x.Geometry, y.Geometry, GpuModel.V100);
        return Math.Max(gpu.CoRunRates(x, y, quotaX, quotaY).RateA, 0.01);
    }
}
