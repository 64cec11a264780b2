namespace GpuPool.Simulation.Datasets;

/// <summary>
/// The ranges a data set's numbers must lie in (docs/dataset-format.md). Each bound is far beyond
/// any real measurement but keeps every later sum, square and simulated clock finite and exact
/// enough: a counter of 1e308 overflows the calibration's normal equations, a 2^63-cycle kernel
/// makes a simulation run for ever.
/// </summary>
public static class DatasetLimits
{
    /// <summary>Largest magnitude of a performance counter.</summary>
    public const double MaxCounter = 1e15;

    /// <summary>Shortest isolated duration in seconds (100 ns: below a kernel launch).</summary>
    public const double MinIsolatedSeconds = 1e-7;

    /// <summary>Longest isolated duration in seconds (about 11.6 days).</summary>
    public const double MaxIsolatedSeconds = 1e6;

    /// <summary>Lowest measured normalized progress (a co-run 1,000 times slower than alone).</summary>
    public const double MinNp = 1e-3;

    /// <summary>Highest measured normalized progress (sharing never doubles a job's speed).</summary>
    public const double MaxNp = 2;

    /// <summary>Largest device memory in MiB (1 PiB).</summary>
    public const double MaxMemoryMiB = 1 << 30;
}
