using GpuPool.Core.Gpus;
using GpuPool.Core.Kernels;

namespace GpuPool.Simulation.Tests.Gpus;

public sealed class AloneRateCurveTests
{
    // 640 blocks of 256 threads: 8 per SM by threads, 8 by grid on 80 SMs.
    public static TheoryData<int, double> MeasuredAt2And6 => new()
    {
        { 2, 0.4 },            // measured
        { 4, 0.4 + (0.4 / 2) }, // halfway between 0.4 at 2 and 0.8 at 6
        { 1, 0.2 },            // between 0 at 0 and 0.4 at 2
        { 7, 0.9 },            // between 0.8 at 6 and 1 at the occupancy limit 8
        { 8, 1.0 },
        { 20, 1.0 },           // a quota above the limit is the limit
    };

    [Theory]
    [MemberData(nameof(MeasuredAt2And6))]
    public void Measured_quotas_win_and_others_are_interpolated(int quota, double expected)
    {
        var kernel = Kernels.Make("k", quotas: Kernels.NormIpc((2, 0.4), (6, 0.8)));

        Assert.Equal(expected, new AloneRateCurve(GpuModel.V100, 2.0).Rate(kernel, quota), 9);
    }

    [Theory]
    [InlineData(2.0, 4, 0.75)]
    [InlineData(1.0, 2, 0.25)]
    [InlineData(3.0, 4, 0.875)]
    public void Without_measurements_follows_the_occupancy_curve(double gamma, int quota, double expected)
    {
        Assert.Equal(expected, new AloneRateCurve(GpuModel.V100, gamma).Rate(Kernels.Make("k"), quota), 9);
    }

    [Fact]
    public void Quota_below_one_is_rejected()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new AloneRateCurve(GpuModel.V100, 2.0).Rate(Kernels.Make("k"), 0));
    }
}
