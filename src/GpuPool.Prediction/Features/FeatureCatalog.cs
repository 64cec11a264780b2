using GpuPool.Core.Kernels;

namespace GpuPool.Prediction.Features;

/// <summary>
/// The feature sets a model can be trained on. <see cref="Paper"/> is the artifact's 12-feature
/// recipe, kept as the baseline to beat; <see cref="Full"/> is GpuPool's default. Every feature is
/// documented in docs/prediction.md.
/// </summary>
public static class FeatureCatalog
{
    /// <summary>Counters compared pairwise (share and sum) in the full set.</summary>
    private static readonly string[] PairwiseCounters =
    [
        CounterNames.Ipc, CounterNames.DramBandwidth, CounterNames.DramBusy, CounterNames.MemoryPerCycle,
        CounterNames.MemoryLatency, CounterNames.SpBusy, CounterNames.IntBusy, CounterNames.DpBusy,
        CounterNames.SfuBusy, CounterNames.TensorBusy, CounterNames.ComputeBusy, CounterNames.L2MissRate,
        CounterNames.L1MissRate, CounterNames.NotSelectedCycles, "l2_bw_gbps", "stall_mem_cycles",
    ];

    /// <summary>Counters of the predicted kernel itself, at its quota, in the full set.</summary>
    private static readonly string[] OwnCounters =
    [
        CounterNames.NormalizedIpc, CounterNames.DramBandwidth, CounterNames.L2MissRate, CounterNames.ComputeBusy,
    ];

    private static readonly string[] Pipes =
    [
        CounterNames.SpBusy, CounterNames.IntBusy, CounterNames.DpBusy, CounterNames.SfuBusy, CounterNames.TensorBusy,
    ];

    public static FeatureSet Paper { get; } = new("paper", 1,
    [
        Own(CounterNames.NormalizedIpc),
        new("mem_lat_rel_diff", "(avg_mem_lat_x - avg_mem_lat_y) / avg_mem_lat_x",
            (x, y) => RawRatio(x.Counter(CounterNames.MemoryLatency) - y.Counter(CounterNames.MemoryLatency), x.Counter(CounterNames.MemoryLatency))),
        RawRatio(CounterNames.MemoryPerCycle),
        RawRatio(CounterNames.DramBandwidth),
        Sum(CounterNames.DramBandwidth),
        new("thread_count_ratio", "threads of x's quota / threads of y's quota", (x, y) => RawRatio(x.Threads, y.Threads)),
        RawRatio(CounterNames.SpBusy),
        Sum(CounterNames.SpBusy),
        RawRatio(CounterNames.IntBusy),
        Sum(CounterNames.IntBusy),
        Sum(CounterNames.NotSelectedCycles),
        Own(CounterNames.L2MissRate),
    ]);

    public static FeatureSet Full { get; } = new("full", 3, FullDefinitions, targetScale: $"{CounterNames.NormalizedIpc}_x");

    /// <summary>The full features predicting NP directly (no target scale), for comparison.</summary>
    public static FeatureSet FullUnscaled { get; } = new("full-unscaled", 2, FullDefinitions);

    private static FeatureDefinition[] FullDefinitions =>
    [
        .. OwnCounters.Select(Own),
        Partner(CounterNames.NormalizedIpc),
        Partner(CounterNames.DramBandwidth),
        .. PairwiseCounters.Select(Share),
        .. PairwiseCounters.Select(Sum),
        new("threads_x", "thread slots of an SM held by x's quota (fraction)", (x, _) => x.Threads),
        new("threads_y", "thread slots of an SM held by y's quota (fraction)", (_, y) => y.Threads),
        new("threads_share", "threads_x / (threads_x + threads_y)", (x, y) => Share(x.Threads, y.Threads)),
        new("registers_sum", "register file of an SM held by both quotas (fraction)", (x, y) => x.Registers + y.Registers),
        new("shared_memory_sum", "shared memory of an SM held by both quotas (fraction)", (x, y) => x.SharedMemory + y.SharedMemory),
        new("blocks_sum", "block slots of an SM held by both quotas (fraction)", (x, y) => x.Blocks + y.Blocks),
        new("dominant_share", "dominant SM resource of x's quota / both quotas' dominant resources", (x, y) => Share(x.Dominant, y.Dominant)),
        new("occupancy_x", "x's quota / the blocks x holds alone", (x, _) => x.OccupancyShare),
        new("occupancy_y", "y's quota / the blocks y holds alone", (_, y) => y.OccupancyShare),
        new("dram_demand_x", "avg_dram_bw_x / (avg_dram_bw_x + avg_dram_bw_y), scaled by their sum when it exceeds 1",
            (x, y) => DemandShare(x.Counter(CounterNames.DramBandwidth), y.Counter(CounterNames.DramBandwidth))),
        new("dram_overload", "max(0, avg_dram_bw_x + avg_dram_bw_y - 0.6): DRAM queueing beyond the knee", (x, y) => DramOverload(x, y)),
        new("memory_sensitivity_x", "(stall_mem_cycles + scoreboard_cycles) / cycles_per_issue of x: how much x waits on memory", (x, _) => MemorySensitivity(x)),
        new("memory_sensitivity_x_dram_y", "memory_sensitivity_x * avg_dram_bw_y", (x, y) => MemorySensitivity(x) * y.Counter(CounterNames.DramBandwidth)),
        new("memory_sensitivity_x_overload", "memory_sensitivity_x * dram_overload", (x, y) => MemorySensitivity(x) * DramOverload(x, y)),
        new("same_pipe", "sum over FP32/INT/FP64/SFU/tensor of busy_x * busy_y: contention for the same pipes", (x, y) => SamePipe(x, y)),
        new("compute_x_threads_y", "comp_busy_x * threads_y: x's issue demand against the partner's warps", (x, y) => x.Counter(CounterNames.ComputeBusy) * y.Threads),
    ];

    public static IReadOnlyList<FeatureSet> All { get; } = [Full, FullUnscaled, Paper];

    /// <summary>
    /// Every counter a feature of the catalogue's sets reads. A data set's other counters are read
    /// by <see cref="DatasetCounters.Extend"/>, so a job-level set with its own column names is not
    /// left with geometry alone.
    /// </summary>
    public static IReadOnlySet<string> KnownCounters { get; } = new HashSet<string>(
        [.. PairwiseCounters, .. OwnCounters, .. Pipes, "cycles_per_issue", "scoreboard_cycles"], StringComparer.Ordinal);

    /// <summary>The feature set named <paramref name="name"/> (case-insensitive).</summary>
    public static FeatureSet ByName(string name) =>
        All.FirstOrDefault(s => string.Equals(s.Name, name, StringComparison.OrdinalIgnoreCase))
        ?? throw new ArgumentException($"Unknown feature set '{name}'; known: {string.Join(", ", All.Select(s => s.Name))}.", nameof(name));

    /// <summary>x / (x + y): a bounded ratio, 0.5 when both are 0, that trees and linear models both handle.</summary>
    public static double Share(double x, double y) => x + y > 0 ? x / (x + y) : 0.5;

    /// <summary>The artifact's raw ratio: x / y with a zero denominator mapped to 1e30 (or 0 when x is 0 too).</summary>
    public static double RawRatio(double x, double y) => y != 0 ? x / y : x == 0 ? 0 : 1e30;

    private static double DemandShare(double x, double y) => Share(x, y) * Math.Max(1.0, x + y);

    private static double DramOverload(KernelAtQuota x, KernelAtQuota y) =>
        Math.Max(0, x.Counter(CounterNames.DramBandwidth) + y.Counter(CounterNames.DramBandwidth) - 0.6);

    private static double MemorySensitivity(KernelAtQuota x)
    {
        var issue = x.Counter("cycles_per_issue");
        return issue > 0 ? (x.Counter("stall_mem_cycles") + x.Counter("scoreboard_cycles")) / issue : 0;
    }

    private static double SamePipe(KernelAtQuota x, KernelAtQuota y) =>
        Pipes.Sum(p => x.Counter(p) * y.Counter(p));

    internal static FeatureDefinition Own(string counter) =>
        new($"{counter}_x", $"{counter} of x at its quota", (x, _) => x.Counter(counter));

    internal static FeatureDefinition Partner(string counter) =>
        new($"{counter}_y", $"{counter} of y at its quota", (_, y) => y.Counter(counter));

    internal static FeatureDefinition Share(string counter) =>
        new($"{counter}_share", $"{counter}_x / ({counter}_x + {counter}_y)", (x, y) => Share(x.Counter(counter), y.Counter(counter)));

    internal static FeatureDefinition Sum(string counter) =>
        new($"{counter}_sum", $"{counter}_x + {counter}_y", (x, y) => x.Counter(counter) + y.Counter(counter));

    private static FeatureDefinition RawRatio(string counter) =>
        new($"{counter}_ratio", $"{counter}_x / {counter}_y (artifact style)", (x, y) => RawRatio(x.Counter(counter), y.Counter(counter)));
}
