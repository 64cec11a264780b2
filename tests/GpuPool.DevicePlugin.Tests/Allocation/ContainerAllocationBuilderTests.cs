using GpuPool.DevicePlugin.Allocation;
using GpuPool.DevicePlugin.Devices;
using GpuPool.DevicePlugin.Options;

namespace GpuPool.DevicePlugin.Tests.Allocation;

public sealed class ContainerAllocationBuilderTests
{
    private static readonly GpuDevice Gpu = new(0, "GPU-a", "Tesla V100-SXM2-32GB", 32768, 80, true);

    [Fact]
    public void Real_mode_exposes_the_gpu_to_the_nvidia_runtime_and_mounts_no_emulator()
    {
        var options = new DevicePluginOptions { Mode = "real" };
        var builder = new ContainerAllocationBuilder(Microsoft.Extensions.Options.Options.Create(options));

        var response = builder.Build(new GpuAllocation(Gpu, 50));

        Assert.Equal("GPU-a", response.Envs["NVIDIA_VISIBLE_DEVICES"]);
        Assert.False(response.Envs.ContainsKey("GPUPOOL_EMULATOR_SOCKET"));
        Assert.DoesNotContain(response.Mounts, m => m.HostPath == Path.GetDirectoryName(options.EmulatorSocket));
    }

    [Fact]
    public void Simulated_mode_mounts_only_the_emulator_socket_folder_read_only_and_no_mps()
    {
        var options = new DevicePluginOptions();
        var builder = new ContainerAllocationBuilder(Microsoft.Extensions.Options.Options.Create(options));

        var response = builder.Build(new GpuAllocation(Gpu, 50));

        var mount = Assert.Single(response.Mounts);
        Assert.Equal(("/var/run/gpupool/emulator", "/var/run/gpupool/emulator", true), (mount.HostPath, mount.ContainerPath, mount.ReadOnly));
        Assert.False(response.Envs.ContainsKey("CUDA_MPS_PIPE_DIRECTORY"));
    }

    [Theory]
    [InlineData(100, "GPU-a=32768M")]
    [InlineData(50, "GPU-a=16384M")]
    [InlineData(33, "GPU-a=10813M")]
    public void The_pinned_memory_limit_is_the_share_of_the_gpus_memory(int units, string limit)
    {
        var builder = new ContainerAllocationBuilder(Microsoft.Extensions.Options.Options.Create(new DevicePluginOptions()));

        var response = builder.Build(new GpuAllocation(Gpu, units));

        Assert.Equal(limit, response.Envs["CUDA_MPS_PINNED_DEVICE_MEM_LIMIT"]);
    }
}
