namespace GpuPool.Simulation.Gpus;

/// <summary>
/// The contention a kernel x suffers from a partner y, as a few numbers: partner pressure on DRAM,
/// L2 and issue slots, overload of DRAM and of shared pipes, and the partner's pressure weighted by
/// how latency-bound x is. The model's slowdown is exp(-weights . features).
/// </summary>
public static class ContentionFeatures
{
    /// <summary>DRAM utilisation above which two kernels together start to queue.</summary>
    public const double DramKnee = 0.6;

    /// <summary>Names in order, for reports and docs.</summary>
    public static IReadOnlyList<string> Names { get; } =
    [
        "bias",
        "dram_partner",
        "dram_overload",
        "scoreboard_x_dram_partner",
        "scoreboard_x_l2_partner",
        "l2_partner",
        "issue_partner",
        "issue_both",
        "same_pipe",
        "warp_share_partner",
        "latency_x_requests_partner",
        "sm_usage_partner",
    ];

    public static int Count => Names.Count;

    public static double[] Of(KernelLoad x, KernelLoad y)
    {
        var pipes = (x.Sp * y.Sp) + (x.IntPipe * y.IntPipe) + (x.Dp * y.Dp) + (x.Sfu * y.Sfu) + (x.Tensor * y.Tensor);
        return
        [
            1.0,
            y.Dram,
            Math.Max(0, x.Dram + y.Dram - DramKnee),
            x.ScoreboardShare * y.Dram,
            x.ScoreboardShare * y.L2Bandwidth,
            y.L2Bandwidth,
            y.Issue,
            x.Issue * y.Issue,
            pipes,
            y.Threads / (x.Threads + y.Threads),
            x.MemoryLatency * y.MemoryRequests,
            y.Usage,
        ];
    }
}
