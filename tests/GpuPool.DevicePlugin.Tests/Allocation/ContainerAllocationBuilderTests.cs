using GpuPool.Core.Contracts;
using GpuPool.DevicePlugin.Allocation;
using GpuPool.DevicePlugin.Devices;
using GpuPool.DevicePlugin.Options;
using GpuPool.DevicePlugin.Tests.Support;

namespace GpuPool.DevicePlugin.Tests.Allocation;

public sealed class ContainerAllocationBuilderTests
{
    private static readonly GpuDevice Gpu = new(0, "GPU-a", "Tesla V100-SXM2-32GB", 32768, 80, true);

    [Fact]
    public void Real_mode_exposes_the_gpu_to_the_nvidia_runtime_and_mounts_no_emulator()
    {
        var builder = new ContainerAllocationBuilder(Microsoft.Extensions.Options.Options.Create(new DevicePluginOptions { Mode = "real" }));

        var response = builder.Build(Allocation("4096"));

        Assert.Equal("GPU-a", response.Envs["NVIDIA_VISIBLE_DEVICES"]);
        Assert.False(response.Envs.ContainsKey("GPUPOOL_EMULATOR_SOCKET"));
        Assert.Empty(response.Mounts);
    }

    [Theory]
    [InlineData("4096", "GPU-a=4096M")]
    [InlineData("0", "GPU-a=32768M")]
    public void The_pinned_memory_limit_is_the_jobs_need_or_the_whole_gpu_when_it_stated_none(string memory, string limit)
    {
        var builder = new ContainerAllocationBuilder(Microsoft.Extensions.Options.Options.Create(new DevicePluginOptions()));

        var response = builder.Build(Allocation(memory));

        Assert.Equal(limit, response.Envs["CUDA_MPS_PINNED_DEVICE_MEM_LIMIT"]);
    }

    private static GpuAllocation Allocation(string memory) =>
        PodAllocationValidator.Validate(new PodBuilder().With(PodAnnotations.GpuIndex, "0").With(PodAnnotations.GpuMemoryMiB, memory).Build(), [Gpu]);
}
