using GpuPool.DevicePlugin.Allocation;
using GpuPool.DevicePlugin.Devices;
using GpuPool.DevicePlugin.Kubelet;
using Grpc.Core;

namespace GpuPool.DevicePlugin.Tests.Allocation;

public sealed class AllocationRequestReaderTests
{
    private static readonly GpuDevice[] Devices =
    [
        new(0, "GPU-a", "V100", 32768, 80, true),
        new(1, "GPU-b", "V100", 32768, 80, false),
        new(2, "GPU-c", "V100", 32768, 80, true),
    ];

    public static TheoryData<int, string[], StatusCode, string> Refusals => new()
    {
        // resource's GPU, device IDs, status, what the message names
        { 7, ["GPU-a-p00"], StatusCode.FailedPrecondition, "GPU 7" },
        { 1, ["GPU-b-p00"], StatusCode.FailedPrecondition, "GPU 1 (GPU-b) is unhealthy" },
        { 0, ["GPU-c-p00", "GPU-a-p01"], StatusCode.InvalidArgument, "GPU-c-p00" },
        { 0, ["GPU-elsewhere-p00"], StatusCode.InvalidArgument, "GPU-elsewhere-p00" },
        { 0, ["GPU-a-p100"], StatusCode.InvalidArgument, "GPU-a-p100" },
        { 0, ["GPU-a-p03", "GPU-a-p03"], StatusCode.InvalidArgument, "GPU-a-p03" },
        { 0, [], StatusCode.InvalidArgument, "no device" },
    };

    [Theory]
    [MemberData(nameof(Refusals))]
    public void Refuses_naming_the_resource_and_the_culprit(int gpuIndex, string[] ids, StatusCode expected, string named)
    {
        var error = Assert.Throws<RpcException>(() => AllocationRequestReader.Read(gpuIndex, $"gpupool.io/gpu-{gpuIndex}", Devices, ids));

        Assert.Equal(expected, error.StatusCode);
        Assert.Contains(named, error.Status.Detail, StringComparison.Ordinal);
        Assert.Contains($"gpupool.io/gpu-{gpuIndex}", error.Status.Detail, StringComparison.Ordinal);
    }

    public static TheoryData<int, int, double> Shares => new()
    {
        { 0, 100, 1.0 },
        { 0, 1, 0.01 },
        { 2, 57, 0.57 },
        { 2, 43, 0.43 },
    };

    [Theory]
    [MemberData(nameof(Shares))]
    public void The_share_is_the_number_of_devices_over_one_hundred(int gpuIndex, int count, double share)
    {
        var gpu = Devices[gpuIndex];

        var allocation = AllocationRequestReader.Read(gpuIndex, "gpupool.io/gpu-" + gpuIndex, Devices, [.. DeviceIds.For(gpu).Reverse().Take(count)]);

        Assert.Equal((gpu, count, share), (allocation.Gpu, allocation.Units, allocation.Share));
    }
}
