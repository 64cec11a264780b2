namespace GpuPool.Core.Kernels;

/// <summary>
/// Names of the isolated performance counters the scheduler reads. The names follow the
/// GPGPU-Sim statistics of the paper's artifact; an Nsight Compute import maps onto them.
/// </summary>
public static class CounterNames
{
    /// <summary>Thread instructions per cycle, GPU-wide.</summary>
    public const string Ipc = "ipc";

    /// <summary>Average DRAM bandwidth utilisation, 0..1.</summary>
    public const string DramBandwidth = "avg_dram_bw";

    /// <summary>Average memory access latency in cycles.</summary>
    public const string MemoryLatency = "avg_mem_lat";

    /// <summary>Memory requests per cycle.</summary>
    public const string MemoryPerCycle = "mpc";

    /// <summary>Busy share of the FP32 pipe, 0..1.</summary>
    public const string SpBusy = "sp_busy";

    /// <summary>Busy share of the INT pipe, 0..1.</summary>
    public const string IntBusy = "int_busy";

    /// <summary>Busy share of the FP64 pipe, 0..1.</summary>
    public const string DpBusy = "dp_busy";

    /// <summary>Busy share of the tensor pipe, 0..1.</summary>
    public const string TensorBusy = "tensor_busy";

    /// <summary>Busy share of the special-function pipe, 0..1.</summary>
    public const string SfuBusy = "sfu_busy";

    /// <summary>Busy share of DRAM, 0..1.</summary>
    public const string DramBusy = "dram_busy";

    /// <summary>Busy share of the compute pipes together, 0..1.</summary>
    public const string ComputeBusy = "comp_busy";

    /// <summary>L2 miss rate, 0..1.</summary>
    public const string L2MissRate = "l2_miss_rate";

    /// <summary>L1 data-cache miss rate, 0..1.</summary>
    public const string L1MissRate = "l1D_miss_rate";

    /// <summary>Cycles a ready warp was not selected for issue, per issue slot.</summary>
    public const string NotSelectedCycles = "not_selected_cycles";

    /// <summary>IPC alone at a quota divided by IPC at full occupancy (quota counters only).</summary>
    public const string NormalizedIpc = "norm_ipc";
}
