using GpuPool.Core.Gpus;

namespace GpuPool.Core.Kernels;

/// <summary>
/// How a kernel is launched and what one thread block (CTA) holds on an SM.
/// </summary>
public sealed record LaunchGeometry
{
    private const int WarpSize = 32;
    private const int RegisterGranularity = 4;

    public LaunchGeometry(int gridBlocks, int threadsPerBlock, int registersPerThread, int sharedMemoryPerBlockBytes)
    {
        if (gridBlocks <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(gridBlocks), gridBlocks, "gridBlocks must be positive.");
        }

        if (threadsPerBlock <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(threadsPerBlock), threadsPerBlock, "threadsPerBlock must be positive.");
        }

        if (registersPerThread < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(registersPerThread), registersPerThread, "registersPerThread must not be negative.");
        }

        if (sharedMemoryPerBlockBytes < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(sharedMemoryPerBlockBytes), sharedMemoryPerBlockBytes, "sharedMemoryPerBlockBytes must not be negative.");
        }

        GridBlocks = gridBlocks;
        ThreadsPerBlock = threadsPerBlock;
        RegistersPerThread = registersPerThread;
        SharedMemoryPerBlockBytes = sharedMemoryPerBlockBytes;
    }

    public int GridBlocks { get; }

    public int ThreadsPerBlock { get; }

    public int RegistersPerThread { get; }

    public int SharedMemoryPerBlockBytes { get; }

    /// <summary>Threads rounded up to whole warps: what a block really occupies.</summary>
    public int PaddedThreadsPerBlock => (ThreadsPerBlock + WarpSize - 1) / WarpSize * WarpSize;

    /// <summary>What one block takes of one SM, per resource, as a fraction of the SM.</summary>
    public BlockFootprint Footprint(GpuModel gpu)
    {
        ArgumentNullException.ThrowIfNull(gpu);
        var registersPerThread = (RegistersPerThread + RegisterGranularity - 1) / RegisterGranularity * RegisterGranularity;
        return new BlockFootprint(
            Threads: (double)PaddedThreadsPerBlock / gpu.MaxThreadsPerSm,
            Blocks: 1.0 / gpu.MaxBlocksPerSm,
            Registers: (double)PaddedThreadsPerBlock * registersPerThread / gpu.RegistersPerSm,
            SharedMemory: (double)SharedMemoryPerBlockBytes / gpu.SharedMemoryPerSmBytes);
    }

    /// <summary>
    /// The most blocks of this kernel one SM holds at once (occupancy limit), never more than the
    /// grid spread over every SM needs. Zero when one block does not fit an SM at all.
    /// </summary>
    public int MaxBlocksPerSm(GpuModel gpu)
    {
        var footprint = Footprint(gpu);
        var byResources = (int)Math.Floor(1.0 / footprint.Dominant + 1e-9);
        var byGrid = (GridBlocks + gpu.SmCount - 1) / gpu.SmCount;
        return Math.Min(byResources, byGrid);
    }
}
