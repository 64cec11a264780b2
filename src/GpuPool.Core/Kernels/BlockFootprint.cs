namespace GpuPool.Core.Kernels;

/// <summary>Fractions of one SM that a single thread block occupies, per resource.</summary>
public readonly record struct BlockFootprint(double Threads, double Blocks, double Registers, double SharedMemory)
{
    /// <summary>The resource that runs out first decides occupancy.</summary>
    public double Dominant => Math.Max(Math.Max(Threads, Blocks), Math.Max(Registers, SharedMemory));

    /// <summary>True when <paramref name="a"/> blocks of this and <paramref name="b"/> of <paramref name="other"/> fit one SM together.</summary>
    public bool FitsWith(int a, BlockFootprint other, int b)
    {
        const double Tolerance = 1e-9;
        return a * Threads + b * other.Threads <= 1 + Tolerance
            && a * Blocks + b * other.Blocks <= 1 + Tolerance
            && a * Registers + b * other.Registers <= 1 + Tolerance
            && a * SharedMemory + b * other.SharedMemory <= 1 + Tolerance;
    }
}
