using GpuPool.Core.Kernels;

namespace GpuPool.Cli.Profiles;

/// <summary>
/// How `gpupool profile import --ncu` fills the counters the kernel-wise model reads
/// (docs/prediction.md lists the table): percentages of peak become shares 0..1, hit rates become
/// miss rates, the L2 byte rate becomes GB/s. Every other metric of the report is kept as a counter
/// under its own name, in the unit the report gives it.
/// </summary>
public static class NcuCounterMap
{
    private const double Percent = 0.01;

    public static IReadOnlyList<NcuCounter> Counters { get; } =
    [
        new(CounterNames.Ipc, ["smsp__thread_inst_executed.sum.per_cycle_elapsed"], 1),
        new(CounterNames.DramBandwidth, ["dram__throughput.avg.pct_of_peak_sustained_elapsed", "gpu__dram_throughput.avg.pct_of_peak_sustained_elapsed"], Percent),
        new(CounterNames.DramBusy, ["dram__cycles_active.avg.pct_of_peak_sustained_elapsed"], Percent),
        new(CounterNames.ComputeBusy, ["sm__inst_issued.avg.pct_of_peak_sustained_active", "smsp__issue_active.avg.pct_of_peak_sustained_active"], Percent),
        new(CounterNames.SpBusy, ["sm__pipe_fma_cycles_active.avg.pct_of_peak_sustained_active"], Percent),
        new(CounterNames.IntBusy, ["sm__pipe_alu_cycles_active.avg.pct_of_peak_sustained_active"], Percent),
        new(CounterNames.DpBusy, ["sm__pipe_fp64_cycles_active.avg.pct_of_peak_sustained_active"], Percent),
        new(CounterNames.TensorBusy, ["sm__pipe_tensor_cycles_active.avg.pct_of_peak_sustained_active"], Percent),
        new(CounterNames.SfuBusy, ["sm__pipe_xu_cycles_active.avg.pct_of_peak_sustained_active"], Percent),
        new(CounterNames.L2MissRate, ["lts__t_sector_hit_rate.pct"], Percent, Complement: true),
        new(CounterNames.L1MissRate, ["l1tex__t_sector_hit_rate.pct"], Percent, Complement: true),
        new(CounterNames.NotSelectedCycles, ["smsp__average_warps_issue_stalled_not_selected_per_issue_active.ratio"], 1),
        new("scoreboard_cycles", ["smsp__average_warps_issue_stalled_long_scoreboard_per_issue_active.ratio"], 1),
        new("l2_bw_gbps", ["lts__t_bytes.sum.per_second"], 1e-9, ByteRate: true),
    ];

    /// <summary>Launch and time columns: read into the profile's geometry and duration, not kept as counters.</summary>
    public const string GridSize = "launch__grid_size";

    public const string BlockSize = "launch__block_size";

    public const string Registers = "launch__registers_per_thread";

    public const string StaticSharedMemory = "launch__shared_mem_per_block_static";

    public const string DynamicSharedMemory = "launch__shared_mem_per_block_dynamic";

    public const string Duration = "gpu__time_duration.sum";

    /// <summary>Columns ncu writes before the metrics: identification, never counters.</summary>
    public static IReadOnlySet<string> IdentityColumns { get; } = new HashSet<string>(StringComparer.Ordinal)
    {
        "ID", "Process ID", "Process Name", "Host Name", "Kernel Name", "Kernel Time", "Context", "Stream", "Block Size", "Grid Size", "Device", "CC", "Section Name",
    };
}
