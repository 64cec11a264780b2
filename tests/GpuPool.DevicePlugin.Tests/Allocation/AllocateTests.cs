using System.Globalization;
using GpuPool.DevicePlugin.Kubelet;
using GpuPool.DevicePlugin.Kubelet.V1Beta1;
using GpuPool.DevicePlugin.Tests.Support;
using Grpc.Core;
using DevicePluginClient = GpuPool.DevicePlugin.Kubelet.V1Beta1.DevicePlugin.DevicePluginClient;

namespace GpuPool.DevicePlugin.Tests.Allocation;

/// <summary>Allocate through the registered servers for the operator's pods: the resource is the GPU, the number of device IDs the share.</summary>
public sealed class AllocateTests(RegisteredPluginFixture fixture) : IClassFixture<RegisteredPluginFixture>
{
    public static TheoryData<int, int, int, string, string> Allocations => new()
    {
        // GPU (its resource), first device used, devices, GPUPOOL_SHARE, pinned memory (of 32768 MiB)
        { 0, 0, 100, "1", "32768" },
        { 1, 0, 50, "0.5", "16384" },
        { 1, 50, 50, "0.5", "16384" },
        { 0, 60, 25, "0.25", "8192" },
        { 1, 99, 1, "0.01", "327" },
    };

    [Theory]
    [MemberData(nameof(Allocations))]
    public async Task The_env_is_a_function_of_the_resource_and_the_number_of_devices(int gpuIndex, int first, int count, string share, string memory)
    {
        var gpu = fixture.Host.Inventory.Devices[gpuIndex];

        var response = await AllocateAsync(gpuIndex, DeviceIds.For(gpu).Skip(first).Take(count));

        var container = Assert.Single(response.ContainerResponses);
        var socket = fixture.Host.Directory.EmulatorSocket;
        Assert.Equal(
            new Dictionary<string, string>
            {
                ["CUDA_MPS_ACTIVE_THREAD_PERCENTAGE"] = count.ToString(CultureInfo.InvariantCulture),
                ["CUDA_MPS_PINNED_DEVICE_MEM_LIMIT"] = $"{gpu.Uuid}={memory}M",
                ["CUDA_VISIBLE_DEVICES"] = gpu.Uuid,
                ["GPUPOOL_EMULATOR_SOCKET"] = socket,
                ["GPUPOOL_GPU_INDEX"] = gpuIndex.ToString(CultureInfo.InvariantCulture),
                ["GPUPOOL_GPU_UUID"] = gpu.Uuid,
                ["GPUPOOL_SHARE"] = share,
            },
            container.Envs.OrderBy(e => e.Key, StringComparer.Ordinal).ToDictionary());
        // Only the socket's own folder, read-only: connecting needs no write access to it.
        var mount = Assert.Single(container.Mounts);
        Assert.Equal((Path.GetDirectoryName(socket), Path.GetDirectoryName(socket), true), (mount.HostPath, mount.ContainerPath, mount.ReadOnly));
    }

    [Fact]
    public async Task Each_container_of_a_request_gets_its_own_share()
    {
        var gpu = fixture.Host.Inventory.Devices[0];
        var ids = DeviceIds.For(gpu).ToList();

        var response = await AllocateAsync(0, ids.Take(30), ids.Skip(30).Take(70));

        Assert.Equal(["30", "70"], response.ContainerResponses.Select(c => c.Envs["CUDA_MPS_ACTIVE_THREAD_PERCENTAGE"]));
    }

    [Fact]
    public async Task Devices_of_another_gpu_are_refused_by_name_and_the_next_request_is_served()
    {
        var other = fixture.Host.Inventory.Devices[1];
        var foreign = DeviceIds.For(other).Take(2).ToList();

        var error = await Assert.ThrowsAsync<RpcException>(() => AllocateAsync(0, foreign));

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.All(foreign, id => Assert.Contains(id, error.Status.Detail, StringComparison.Ordinal));
        Assert.Contains("gpupool.io/gpu-0", error.Status.Detail, StringComparison.Ordinal);

        // Nothing is remembered: a refusal leaves the next request as if it never happened.
        var served = await AllocateAsync(0, DeviceIds.For(fixture.Host.Inventory.Devices[0]).Take(40));
        Assert.Equal("40", Assert.Single(served.ContainerResponses).Envs["CUDA_MPS_ACTIVE_THREAD_PERCENTAGE"]);
    }

    /// <summary>Allocate as the kubelet calls it for operator pods waiting for these devices' units.</summary>
    private async Task<AllocateResponse> AllocateAsync(int gpuIndex, params IEnumerable<string>[] containers)
    {
        foreach (var ids in containers)
        {
            fixture.Host.Placements.Place(gpuIndex, ids.Count());
        }

        using var channel = fixture.Host.PluginChannel(gpuIndex);
        var request = new AllocateRequest();
        request.ContainerRequests.AddRange(containers.Select(ids => new ContainerAllocateRequest { DevicesIds = { ids } }));
        return await new DevicePluginClient(channel).AllocateAsync(request);
    }
}
