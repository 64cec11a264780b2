using GpuPool.Core.Gpus;
using GpuPool.Core.Kernels;
using GpuPool.Prediction.Features;

namespace GpuPool.Prediction.Tests.Features;

public class FeatureExtractionTests
{
    private static readonly Dictionary<string, double> IsolatedX = new() { [CounterNames.DramBandwidth] = 0.6, [CounterNames.SpBusy] = 0.2 };
    private static readonly Dictionary<string, double> IsolatedY = new() { [CounterNames.DramBandwidth] = 0.2, [CounterNames.SpBusy] = 0.0 };

    private static readonly Dictionary<int, IReadOnlyDictionary<string, double>> QuotaX = new()
    {
        [2] = new Dictionary<string, double> { [CounterNames.DramBandwidth] = 0.3, [CounterNames.NormalizedIpc] = 0.7, [CounterNames.SpBusy] = 0.1 },
    };

    public static TheoryData<int, string, double> FullSetCases => new()
    {
        // Quota 2 has quota-alone counters: they win over isolated ones.
        { 2, "avg_dram_bw_share", 0.3 / (0.3 + 0.2) },
        { 2, "avg_dram_bw_sum", 0.5 },
        { 2, "norm_ipc_x", 0.7 },
        // Quota 3 has none: isolated counters, and norm_ipc 1 (the isolated run is full occupancy).
        { 3, "avg_dram_bw_share", 0.6 / 0.8 },
        { 3, "norm_ipc_x", 1.0 },
        // Both zero: the share is the neutral 0.5, not NaN.
        { 3, "tensor_busy_share", 0.5 },
        // 256 threads per block, 2048 per SM: each block holds 1/8 of the threads.
        { 2, "threads_x", 2 / 8.0 },
        { 3, "threads_share", 3 / 7.0 },
        { 3, "blocks_sum", 7 / 32.0 },
        // 256 threads x 32 registers = 1/8 of the register file per block.
        { 3, "registers_sum", 7 / 8.0 },
    };

    [Theory]
    [MemberData(nameof(FullSetCases))]
    public void Full_set_reads_quota_counters_then_isolated_ones_and_the_setting_context(int quotaX, string feature, double expected)
    {
        var x = new KernelAtQuota(Profiles.Kernel("x", IsolatedX, QuotaX), quotaX, GpuModel.V100);
        var y = new KernelAtQuota(Profiles.Kernel("y", IsolatedY), 4, GpuModel.V100);

        var row = FeatureCatalog.Full.Extract(x, y);

        Assert.Equal(expected, row[Index(FeatureCatalog.Full, feature)], precision: 5);
    }

    [Theory]
    [InlineData("sp_busy_ratio", 1e30)]
    [InlineData("sp_busy_sum", 0.2)]
    [InlineData("mem_lat_rel_diff", 0.0)]
    public void Paper_set_keeps_the_artifacts_raw_ratios(string feature, double expected)
    {
        var x = new KernelAtQuota(Profiles.Kernel("x", IsolatedX), 4, GpuModel.V100);
        var y = new KernelAtQuota(Profiles.Kernel("y", IsolatedY), 4, GpuModel.V100);

        var row = FeatureCatalog.Paper.Extract(x, y);

        Assert.Equal(12, row.Length);
        Assert.Equal(expected, row[Index(FeatureCatalog.Paper, feature)], tolerance: (Math.Abs(expected) * 1e-6) + 1e-6);
    }

    [Fact]
    public void Swapping_the_kernels_swaps_the_shares()
    {
        var x = new KernelAtQuota(Profiles.Kernel("x", IsolatedX), 4, GpuModel.V100);
        var y = new KernelAtQuota(Profiles.Kernel("y", IsolatedY), 4, GpuModel.V100);
        var share = Index(FeatureCatalog.Full, "avg_dram_bw_share");

        Assert.Equal(1.0, FeatureCatalog.Full.Extract(x, y)[share] + FeatureCatalog.Full.Extract(y, x)[share], precision: 6);
    }

    [Fact]
    public void A_set_with_a_repeated_name_is_rejected()
    {
        var feature = new FeatureDefinition("f", "d", (_, _) => 0);

        var error = Assert.Throws<ArgumentException>(() => new FeatureSet("s", 1, [feature, feature]));

        Assert.Contains("'f'", error.Message, StringComparison.Ordinal);
    }

    private static int Index(FeatureSet set, string name)
    {
        var index = set.Schema.Names.ToList().IndexOf(name);
        Assert.True(index >= 0, $"feature {name} missing");
        return index;
    }
}
