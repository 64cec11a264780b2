using GpuPool.Core.Contracts;
using GpuPool.DevicePlugin.Allocation;
using GpuPool.DevicePlugin.Kubelet.V1Beta1;
using GpuPool.DevicePlugin.Tests.Support;
using Grpc.Core;
using DevicePluginClient = GpuPool.DevicePlugin.Kubelet.V1Beta1.DevicePlugin.DevicePluginClient;

namespace GpuPool.DevicePlugin.Tests.Allocation;

public sealed class AllocateTests(RegisteredPluginFixture fixture) : IClassFixture<RegisteredPluginFixture>
{
    public static TheoryData<string, string?, StatusCode> Refusals => new()
    {
        { PodAnnotations.GpuIndex, "zero", StatusCode.InvalidArgument },
        { PodAnnotations.GpuIndex, "-1", StatusCode.InvalidArgument },
        { PodAnnotations.GpuIndex, "7", StatusCode.FailedPrecondition },
        { PodAnnotations.GpuUuid, "GPU-00000000-0000-0000-0000-000000000000", StatusCode.FailedPrecondition },
        { PodAnnotations.SharingMode, "shared", StatusCode.InvalidArgument },
        { PodAnnotations.SharingMode, null, StatusCode.InvalidArgument },
        { PodAnnotations.Share, "0", StatusCode.InvalidArgument },
        { PodAnnotations.Share, "1.5", StatusCode.InvalidArgument },
        { PodAnnotations.Share, "half", StatusCode.InvalidArgument },
        { PodAnnotations.MpsActiveThreadPercentage, "0", StatusCode.InvalidArgument },
        { PodAnnotations.MpsActiveThreadPercentage, "101", StatusCode.InvalidArgument },
        { PodAnnotations.MpsActiveThreadPercentage, "50%", StatusCode.InvalidArgument },
        { PodAnnotations.GpuMemoryMiB, "40000", StatusCode.InvalidArgument },
        { PodAnnotations.Partner, "x; rm -rf /", StatusCode.InvalidArgument },
        { PodAnnotations.PredictedNp, "high", StatusCode.InvalidArgument },
    };

    [Theory]
    [MemberData(nameof(Refusals))]
    public async Task Refuses_a_pod_whose_annotation_is_bad_naming_pod_and_annotation(string annotation, string? value, StatusCode expected)
    {
        var pod = new PodBuilder().Named("bad-" + Guid.NewGuid().ToString("N")[..6]).With(annotation, value).Build();
        fixture.Host.Pods.Pods = [pod];

        var error = await Assert.ThrowsAsync<RpcException>(() => AllocateAsync(FirstSlot()));

        Assert.Equal(expected, error.StatusCode);
        Assert.Contains(annotation, error.Status.Detail, StringComparison.Ordinal);
        Assert.Contains($"{pod.Namespace}/{pod.Name}", error.Status.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Refuses_when_no_pending_pod_carries_a_gpu_index()
    {
        fixture.Host.Pods.Pods = [];

        var error = await Assert.ThrowsAsync<RpcException>(() => AllocateAsync(FirstSlot()));

        Assert.Equal(StatusCode.NotFound, error.StatusCode);
        Assert.Contains(PodAnnotations.GpuIndex, error.Status.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Refuses_a_device_id_that_is_not_a_slot_of_this_node()
    {
        fixture.Host.Pods.Pods = [new PodBuilder().Build()];

        var error = await Assert.ThrowsAsync<RpcException>(() => AllocateAsync("GPU-elsewhere-slot0"));

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.Contains("GPU-elsewhere-slot0", error.Status.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Pins_the_annotated_gpu_with_mps_settings_and_the_emulator_socket()
    {
        var gpu = fixture.Host.Inventory.Devices[1];
        fixture.Host.Pods.Pods = [new PodBuilder().Build()];

        // The kubelet picked a slot of GPU 0; the operator's choice (GPU 1) wins.
        var response = await AllocateAsync(FirstSlot());

        var container = Assert.Single(response.ContainerResponses);
        var socket = fixture.Host.Directory.EmulatorSocket;
        Assert.Equal(
            new Dictionary<string, string>
            {
                ["CUDA_VISIBLE_DEVICES"] = gpu.Uuid,
                ["CUDA_MPS_PIPE_DIRECTORY"] = "/var/run/gpupool/mps",
                ["CUDA_MPS_ACTIVE_THREAD_PERCENTAGE"] = "50",
                ["CUDA_MPS_PINNED_DEVICE_MEM_LIMIT"] = $"{gpu.Uuid}=4096M",
                ["GPUPOOL_GPU_UUID"] = gpu.Uuid,
                ["GPUPOOL_GPU_INDEX"] = "1",
                ["GPUPOOL_SHARING_MODE"] = "fine",
                ["GPUPOOL_SHARE"] = "0.5",
                ["GPUPOOL_PARTNER"] = "team-a/job-b",
                ["GPUPOOL_PREDICTED_NP"] = "0.83",
                ["GPUPOOL_EMULATOR_SOCKET"] = socket,
            },
            container.Envs.OrderBy(e => e.Key, StringComparer.Ordinal).ToDictionary());
        var mount = Assert.Single(container.Mounts);
        Assert.Equal((Path.GetDirectoryName(socket), Path.GetDirectoryName(socket)), (mount.HostPath, mount.ContainerPath));
    }

    [Fact]
    public async Task Serves_pods_oldest_first_and_each_pod_once()
    {
        var older = new PodBuilder().Named("older").CreatedAt(DateTimeOffset.UnixEpoch).With(PodAnnotations.GpuIndex, "0").Build();
        var newer = new PodBuilder().Named("newer").CreatedAt(DateTimeOffset.UnixEpoch.AddMinutes(1)).With(PodAnnotations.GpuIndex, "1").Build();
        fixture.Host.Pods.Pods = [newer, older];
        var gpus = fixture.Host.Inventory.Devices;

        var first = await AllocateAsync(FirstSlot());
        var second = await AllocateAsync(FirstSlot());
        var third = await Assert.ThrowsAsync<RpcException>(() => AllocateAsync(FirstSlot()));

        Assert.Equal(gpus[0].Uuid, first.ContainerResponses[0].Envs["GPUPOOL_GPU_UUID"]);
        Assert.Equal(gpus[1].Uuid, second.ContainerResponses[0].Envs["GPUPOOL_GPU_UUID"]);
        Assert.Equal(StatusCode.NotFound, third.StatusCode);
    }

    private string FirstSlot() => fixture.Host.Inventory.Devices[0].Uuid + "-slot0";

    private async Task<AllocateResponse> AllocateAsync(string deviceId)
    {
        using var channel = fixture.Host.PluginChannel();
        var client = new DevicePluginClient(channel);
        return await client.AllocateAsync(new AllocateRequest { ContainerRequests = { new ContainerAllocateRequest { DevicesIds = { deviceId } } } });
    }
}
