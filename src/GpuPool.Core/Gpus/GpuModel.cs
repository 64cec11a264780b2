namespace GpuPool.Core.Gpus;

/// <summary>
/// The shape of one GPU: how many SMs, what one SM can hold at once, and device memory.
/// Per-SM limits decide how many thread blocks of a kernel fit on an SM, alone or beside another.
/// </summary>
public sealed record GpuModel
{
    public GpuModel(
        string name,
        int smCount,
        int maxThreadsPerSm,
        int maxBlocksPerSm,
        int registersPerSm,
        int sharedMemoryPerSmBytes,
        long memoryMiB)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        Require(smCount, nameof(smCount));
        Require(maxThreadsPerSm, nameof(maxThreadsPerSm));
        Require(maxBlocksPerSm, nameof(maxBlocksPerSm));
        Require(registersPerSm, nameof(registersPerSm));
        Require(sharedMemoryPerSmBytes, nameof(sharedMemoryPerSmBytes));
        Require(memoryMiB, nameof(memoryMiB));
        Name = name;
        SmCount = smCount;
        MaxThreadsPerSm = maxThreadsPerSm;
        MaxBlocksPerSm = maxBlocksPerSm;
        RegistersPerSm = registersPerSm;
        SharedMemoryPerSmBytes = sharedMemoryPerSmBytes;
        MemoryMiB = memoryMiB;
    }

    /// <summary>The V100 of the paper's simulator (SM7_QV100), 32 GiB of HBM2.</summary>
    public static GpuModel V100 { get; } = new("V100", 80, 2048, 32, 65536, 98304, 32 * 1024);

    public string Name { get; }

    public int SmCount { get; }

    public int MaxThreadsPerSm { get; }

    public int MaxBlocksPerSm { get; }

    public int RegistersPerSm { get; }

    public int SharedMemoryPerSmBytes { get; }

    public long MemoryMiB { get; }

    private static void Require(long value, string name)
    {
        if (value <= 0)
        {
            throw new ArgumentOutOfRangeException(name, value, $"{name} must be positive.");
        }
    }
}
