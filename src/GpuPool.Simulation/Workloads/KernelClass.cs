namespace GpuPool.Simulation.Workloads;

/// <summary>
/// Summary statistics (minimum, median, maximum) of one class of kernels (memory- or
/// compute-intensive by the artifact's label) that the synthetic generator draws from.
/// </summary>
public sealed record KernelClass(
    string Name,
    double Share,
    Triangular IsolatedSeconds,
    Triangular GridBlocks,
    IReadOnlyList<int> BlockSizes,
    Triangular RegistersPerThread,
    Triangular SharedMemoryPerBlock,
    IReadOnlyDictionary<string, Triangular> Counters)
{
    /// <summary>
    /// Min/median/max of the 9 memory-intensive kernels of the GPUPool artifact (V100, GPGPU-Sim);
    /// only these three numbers per column are kept, never a row.
    /// </summary>
    public static KernelClass Memory { get; } = new(
        "memory",
        9.0 / 19,
        new(1.255e4 / 1.132e9, 1.321e5 / 1.132e9, 2.704e6 / 1.132e9),
        new(51, 1024, 18000),
        [128, 128, 256, 512],
        new(26, 32, 80),
        new(0, 0, 11872),
        new Dictionary<string, Triangular>
        {
            ["ipc"] = new(322.2, 1047, 2730),
            ["avg_dram_bw"] = new(1.0e-5, 0.6812, 0.755),
            ["l2_bw_gbps"] = new(8.379, 656.6, 855),
            ["comp_busy"] = new(0.05155, 0.11, 0.3388),
            ["sp_busy"] = new(0, 0.04291, 0.136),
            ["int_busy"] = new(0.005974, 0.02957, 0.1224),
            ["sfu_busy"] = new(0, 0, 0.1478),
            ["mpc"] = new(0.2019, 11.35, 20.93),
            ["avg_mem_lat"] = new(204, 524, 1633),
            ["cycles_per_issue"] = new(16.28, 56.75, 204.8),
            ["scoreboard_cycles"] = new(12.55, 45.7, 108.1),
            ["l2_miss_rate"] = new(0.0428, 0.7751, 0.9996),
            ["l1D_miss_rate"] = new(0.5361, 0.9919, 1),
        });

    /// <summary>Min/median/max of the 10 compute-intensive kernels of the GPUPool artifact.</summary>
    public static KernelClass Compute { get; } = new(
        "compute",
        10.0 / 19,
        new(1.848e4 / 1.132e9, 1.143e5 / 1.132e9, 4.707e6 / 1.132e9),
        new(128, 1024, 51200),
        [64, 128, 128, 256],
        new(16, 80, 255),
        new(0, 7200, 16400),
        new Dictionary<string, Triangular>
        {
            ["ipc"] = new(599.4, 4252, 6042),
            ["avg_dram_bw"] = new(2.4e-5, 0.03881, 0.3905),
            ["l2_bw_gbps"] = new(0.5078, 308.3, 589.7),
            ["comp_busy"] = new(0.06079, 0.5362, 0.8689),
            ["sp_busy"] = new(0, 0.01709, 0.3648),
            ["int_busy"] = new(0.02863, 0.1137, 0.4815),
            ["dp_busy"] = new(0, 0, 0.5772),
            ["sfu_busy"] = new(0, 0, 0.2553),
            ["tensor_busy"] = new(0, 0, 0.5469),
            ["mpc"] = new(0, 6.55, 15.55),
            ["avg_mem_lat"] = new(207, 282, 516),
            ["cycles_per_issue"] = new(6.72, 18.78, 26.11),
            ["scoreboard_cycles"] = new(3.25, 11.94, 15.93),
            ["l2_miss_rate"] = new(0.0138, 0.2574, 0.9729),
            ["l1D_miss_rate"] = new(0.6082, 0.9981, 1),
        });
}
