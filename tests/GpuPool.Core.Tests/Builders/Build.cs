using GpuPool.Core.Gpus;
using GpuPool.Core.Jobs;
using GpuPool.Core.Kernels;
using GpuPool.Core.Placement;
using GpuPool.Core.Sharing;

namespace GpuPool.Core.Tests.Builders;

/// <summary>Small builders for domain objects in tests.</summary>
internal static class Build
{
    public static KernelProfile Kernel(string id, double seconds = 1.0, double dramBandwidth = 0.1, int threadsPerBlock = 256, int registers = 32, int sharedMemory = 0, int grid = 800) =>
        new(id, new LaunchGeometry(grid, threadsPerBlock, registers, sharedMemory), seconds, new Dictionary<string, double> { [CounterNames.DramBandwidth] = dramBandwidth });

    public static Job Job(string id, double qos = 0.5, long memoryMiB = 1024, int priority = 0, double dramBandwidth = 0.1, int iterations = 10) =>
        new(id, [Kernel($"{id}-k", dramBandwidth: dramBandwidth)], iterations, qos, memoryMiB, priority);

    public static GpuState IdleGpu(string node, int index = 0, long memoryMiB = 32 * 1024) =>
        GpuState.Idle(new Gpu(new GpuId(node, index), Model(memoryMiB)));

    /// <summary>A GPU running <paramref name="running"/> under <paramref name="share"/> (default: an even split, leaving room), not yet started.</summary>
    public static GpuState Busy(string node, Job running, int index = 0, long memoryMiB = 32 * 1024, SharingSetting? share = null) =>
        new(new Gpu(new GpuId(node, index), Model(memoryMiB)), [running], new Resident(share ?? SharingSetting.Even));

    public static GpuModel Model(long memoryMiB = 32 * 1024) => new("V100", 80, 2048, 32, 65536, 98304, memoryMiB);

    public static IReadOnlyList<GpuState> IdleGpus(int count) =>
        Enumerable.Range(0, count).Select(i => IdleGpu($"n{i / 4}", i % 4)).ToList();
}
