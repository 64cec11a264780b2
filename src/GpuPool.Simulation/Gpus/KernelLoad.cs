using GpuPool.Core.Gpus;
using GpuPool.Core.Kernels;

namespace GpuPool.Simulation.Gpus;

/// <summary>
/// What one kernel asks of the GPU while it runs alone at a quota: its rate, its demand on each
/// shared resource (DRAM, L2 bandwidth, issue slots, each pipe, memory requests), how much of one
/// SM it holds, and how latency-bound it is. Measured quota-alone counters are used where present;
/// otherwise throughput counters of the unlimited run are scaled by the alone rate (ratios such
/// as stall shares and latencies do not scale).
/// </summary>
public readonly record struct KernelLoad(
    double Rate,
    double Dram,
    double L2Bandwidth,
    double Issue,
    double Sp,
    double IntPipe,
    double Dp,
    double Sfu,
    double Tensor,
    double MemoryRequests,
    double MemoryLatency,
    double ScoreboardShare,
    double Threads,
    double Usage)
{
    /// <summary>Counter name of L2 bandwidth in GB/s (artifact naming).</summary>
    public const string L2BandwidthCounter = "l2_bw_gbps";

    /// <summary>Counter names of the issue-stall breakdown (artifact naming).</summary>
    public const string ScoreboardCyclesCounter = "scoreboard_cycles";

    public const string CyclesPerIssueCounter = "cycles_per_issue";

    /// <summary>Scales that bring GB/s, cycles and requests per cycle near the 0..1 range of busy shares.</summary>
    private const double L2BandwidthScale = 1000.0;
    private const double LatencyScale = 1000.0;
    private const double RequestScale = 10.0;
    private const int WarpSchedulersPerSm = 4;
    private const int WarpSize = 32;

    public static KernelLoad Of(KernelProfile kernel, int quota, AloneRateCurve curve, GpuModel gpu)
    {
        ArgumentNullException.ThrowIfNull(kernel);
        ArgumentNullException.ThrowIfNull(curve);
        ArgumentNullException.ThrowIfNull(gpu);
        var q = curve.Effective(kernel, quota);
        var rate = curve.Rate(kernel, quota);
        kernel.QuotaCounters.TryGetValue(q, out var atQuota);
        double Measured(string name, double fallback) =>
            atQuota is not null && atQuota.TryGetValue(name, out var v) ? v : fallback;
        double Throughput(string name) => Measured(name, kernel.Counter(name) * rate);
        double Ratio(string name) => Measured(name, kernel.Counter(name));
        var cyclesPerIssue = Ratio(CyclesPerIssueCounter);
        var footprint = kernel.Geometry.Footprint(gpu);
        return new KernelLoad(
            Rate: rate,
            Dram: Throughput(CounterNames.DramBandwidth),
            L2Bandwidth: Throughput(L2BandwidthCounter) / L2BandwidthScale,
            Issue: Throughput(CounterNames.Ipc) / (gpu.SmCount * WarpSchedulersPerSm * WarpSize),
            Sp: Throughput(CounterNames.SpBusy),
            IntPipe: Throughput(CounterNames.IntBusy),
            Dp: Throughput(CounterNames.DpBusy),
            Sfu: Throughput(CounterNames.SfuBusy),
            Tensor: Throughput(CounterNames.TensorBusy),
            MemoryRequests: Throughput(CounterNames.MemoryPerCycle) / RequestScale,
            MemoryLatency: Ratio(CounterNames.MemoryLatency) / LatencyScale,
            ScoreboardShare: cyclesPerIssue > 0 ? Ratio(ScoreboardCyclesCounter) / cyclesPerIssue : 0,
            Threads: q * footprint.Threads,
            Usage: q * footprint.Dominant);
    }
}
