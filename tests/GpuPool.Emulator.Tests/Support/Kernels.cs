using GpuPool.Core.Kernels;

namespace GpuPool.Emulator.Tests.Support;

/// <summary>Small kernel builders: a grid that fills a V100, 256 threads, 32 registers per thread.</summary>
public static class Kernels
{
    public static KernelProfile Kernel(string id, double isolatedSeconds, int threadsPerBlock = 256) =>
        new(id, new LaunchGeometry(gridBlocks: 80 * 64, threadsPerBlock, registersPerThread: 32, sharedMemoryPerBlockBytes: 0), isolatedSeconds, new Dictionary<string, double>());
}
