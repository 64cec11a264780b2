using GpuPool.Core.Gpus;
using GpuPool.Core.Kernels;
using GpuPool.Core.Sharing;

namespace GpuPool.Core.Tests.Domain;

public class SharingSettingTests
{
    public static TheoryData<double, int, int, int, int, int, int> Quotas => new()
    {
        // shareA, threadsA, registersA, threadsB, registersB -> quotaA, quotaB
        { 0.5, 256, 32, 256, 32, 4, 4 },
        { 0.25, 256, 32, 256, 32, 2, 6 },
        { 0.75, 256, 32, 1024, 32, 6, 1 },
        { 0.5, 1024, 64, 256, 32, 1, 4 },     // a block bigger than its share still gets one slot
        { 0.5, 32, 8, 32, 8, 16, 16 },        // block slots are the limit
    };

    [Theory]
    [MemberData(nameof(Quotas))]
    public void ThreadBlockQuotas_split_the_dominant_resource(double shareA, int threadsA, int registersA, int threadsB, int registersB, int quotaA, int quotaB)
    {
        var a = new LaunchGeometry(100_000, threadsA, registersA, 0);
        var b = new LaunchGeometry(100_000, threadsB, registersB, 0);

        var quotas = SharingSetting.Split(shareA).ThreadBlockQuotas(a, b, GpuModel.V100);

        Assert.Equal((quotaA, quotaB), quotas);
    }

    [Theory]
    [InlineData(0.25)]
    [InlineData(0.5)]
    [InlineData(0.625)]
    public void Quotas_of_small_blocks_always_fit_one_sm_together(double shareA)
    {
        var a = new LaunchGeometry(100_000, 128, 40, 8192);
        var b = new LaunchGeometry(100_000, 512, 24, 0);
        var gpu = GpuModel.V100;

        var (quotaA, quotaB) = SharingSetting.Split(shareA).ThreadBlockQuotas(a, b, gpu);

        Assert.True(a.Footprint(gpu).FitsWith(quotaA, b.Footprint(gpu), quotaB));
    }

    [Fact]
    public void Exclusive_gives_the_kernel_its_full_occupancy()
    {
        var a = new LaunchGeometry(100_000, 256, 32, 0);

        Assert.Equal((8, 0), SharingSetting.Exclusive.ThreadBlockQuotas(a, a, GpuModel.V100));
        Assert.Equal(100, SharingSetting.Exclusive.MpsPercentA);
    }

    [Theory]
    [InlineData(0.25, 0.75, 25, 75)]
    [InlineData(0.5, 0.5, 50, 50)]
    public void Swapped_sees_the_split_from_the_other_job(double shareA, double swappedShareA, int percentA, int percentB)
    {
        var setting = SharingSetting.Split(shareA);

        Assert.Equal(swappedShareA, setting.Swapped.ShareA);
        Assert.Equal(SharingMode.FineGrained, setting.Swapped.Mode);
        Assert.Equal((percentA, percentB), (setting.MpsPercentA, setting.MpsPercentB));
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(1.0)]
    [InlineData(-0.5)]
    [InlineData(double.NaN)]
    public void A_split_needs_a_share_strictly_inside_zero_and_one(double shareA)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => SharingSetting.Split(shareA));
        Assert.Throws<ArgumentOutOfRangeException>(() => SharingSetting.Partition(shareA));
    }
}
