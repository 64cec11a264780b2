namespace GpuPool.Contracts.Tests;

/// <summary>The per-GPU extended resources: the name the plugin advertises is the name the operator requests and reads back.</summary>
public sealed class GpuResourcesTests
{
    public static TheoryData<string?, bool> Prefixes => new()
    {
        { GpuResources.DefaultPrefix, true },
        { "example.com/accel", true },
        { "gpupool.io/" + new string('g', 59), true },
        { "gpupool.io/" + new string('g', 60), false },
        { "gpu", false },
        { "Gpupool.io/gpu", false },
        { "gpupool.io/gpu-", false },
        { null, false },
    };

    public static TheoryData<double, int> Shares => new()
    {
        { 1.0, 100 },
        { 0.5, 50 },
        { 0.57, 57 },
        { 0.43, 43 },
        { 0.001, 1 },
    };

    [Theory]
    [InlineData("gpupool.io/gpu", 0)]
    [InlineData("example.com/accel", 15)]
    public void A_resource_name_gives_back_its_gpu_index(string prefix, int index)
    {
        Assert.Equal(index, GpuResources.IndexOf(prefix, GpuResources.Name(prefix, index)));
    }

    [Theory]
    [InlineData("gpupool.io/gpu", "gpupool.io/gpu")]
    [InlineData("gpupool.io/gpu", "gpupool.io/gpu-x")]
    [InlineData("gpupool.io/gpu", "gpupool.io/gpu--1")]
    [InlineData("gpupool.io/gpu", "example.com/accel-0")]
    [InlineData("gpupool.io/gpu", "nvidia.com/gpu")]
    public void Another_name_has_no_gpu_index(string prefix, string name)
    {
        Assert.Null(GpuResources.IndexOf(prefix, name));
    }

    [Theory]
    [MemberData(nameof(Prefixes))]
    public void A_prefix_is_valid_when_a_gpu_index_can_follow_it(string? prefix, bool valid)
    {
        Assert.Equal(valid, GpuResources.IsValidPrefix(prefix));
    }

    [Theory]
    [MemberData(nameof(Shares))]
    public void A_share_is_whole_units_rounded_down_so_partners_fit(double share, int units)
    {
        Assert.Equal(units, GpuResources.Units(share));
        Assert.True(share >= 1 || GpuResources.Units(share) + GpuResources.Units(1 - share) <= GpuResources.UnitsPerGpu);
    }
}
