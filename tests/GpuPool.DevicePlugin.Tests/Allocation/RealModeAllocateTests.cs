using GpuPool.DevicePlugin.Kubelet;
using GpuPool.DevicePlugin.Kubelet.V1Beta1;
using GpuPool.DevicePlugin.Mps;
using GpuPool.DevicePlugin.Tests.Support;
using DevicePluginClient = GpuPool.DevicePlugin.Kubelet.V1Beta1.DevicePlugin.DevicePluginClient;

namespace GpuPool.DevicePlugin.Tests.Allocation;

/// <summary>Allocate on a real GPU: what a job container needs to reach the node's MPS daemon.</summary>
public sealed class RealModeAllocateTests
{
    public static TheoryData<int> Shares => [100, 40, 1];

    [Theory]
    [MemberData(nameof(Shares))]
    public async Task A_real_gpu_container_gets_the_mps_pipe_folder_and_the_daemons_shared_memory(int units)
    {
        await using var real = await RealGpuHost.StartAsync();
        var mps = real.Host.Directory.MpsDirectory;
        var gpu = real.Host.Inventory.Devices[0];
        real.Host.Placements.Place(0, units);
        using var channel = real.Host.PluginChannel(0);
        var request = new AllocateRequest();
        request.ContainerRequests.Add(new ContainerAllocateRequest { DevicesIds = { DeviceIds.For(gpu).Take(units) } });

        var container = Assert.Single((await new DevicePluginClient(channel).AllocateAsync(request)).ContainerResponses);

        Assert.Equal(RealGpuHost.Uuid, container.Envs["NVIDIA_VISIBLE_DEVICES"]);
        Assert.Equal(MpsPaths.Pipe(mps), container.Envs["CUDA_MPS_PIPE_DIRECTORY"]);
        Assert.Equal(units.ToString(System.Globalization.CultureInfo.InvariantCulture), container.Envs["CUDA_MPS_ACTIVE_THREAD_PERCENTAGE"]);
        Assert.False(container.Envs.ContainsKey("GPUPOOL_EMULATOR_SOCKET"));
        Assert.Equal(
            [(MpsPaths.Pipe(mps), MpsPaths.Pipe(mps), false), (MpsPaths.Shm(mps), "/dev/shm", false)],
            container.Mounts.Select(m => (m.HostPath, m.ContainerPath, m.ReadOnly)).ToList());
    }
}
