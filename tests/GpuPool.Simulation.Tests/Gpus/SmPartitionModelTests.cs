using GpuPool.Core.Gpus;
using GpuPool.Core.Kernels;
using GpuPool.Simulation.Gpus;

namespace GpuPool.Simulation.Tests.Gpus;

public sealed class SmPartitionModelTests
{
    public static TheoryData<int, double, double, double> Cases => new()
    {
        // grid blocks (256 threads, 8 per SM), DRAM use alone, share of SMs, expected rate
        { 640, 0.0, 0.5, 0.5 },    // fills all 80 SMs: half the SMs, half the speed
        { 640, 0.0, 1.0, 1.0 },
        { 40, 0.0, 0.5, 1.0 },     // one block per SM fills only 40 SMs: 40 are enough
        { 40, 0.0, 0.125, 0.25 },  // 10 SMs for 40 SMs' work
        { 640, 0.8, 0.75, 0.75 },  // SM-bound before bandwidth-bound (0.75 / 0.8 > 0.75)
        { 40, 0.8, 0.5, 0.5 / 0.8 }, // enough SMs, bandwidth-bound
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Rate_is_limited_by_sms_or_bandwidth(int grid, double dram, double share, double expected)
    {
        var kernel = Kernels.Make("k", grid: grid, counters: new Dictionary<string, double> { [CounterNames.DramBandwidth] = dram });

        Assert.Equal(expected, new SmPartitionModel(GpuModel.V100).Rate(kernel, share), 9);
    }
}
