namespace GpuPool.Simulation.Workloads;

/// <summary>
/// The paper's job mix (artifact job_mix.csv, experiment paper_main): 100 jobs per batch, QoS
/// uniform from {0.5..0.9}, iterations uniform from {400, 800, ..., 2800}, {4, 8, 12, 16}
/// distinct kernels per job. Memory per job is GpuPool's addition (the paper has none).
/// </summary>
public sealed record JobMixOptions
{
    public int JobCount { get; init; } = 100;

    public IReadOnlyList<double> QosTargets { get; init; } = [0.5, 0.6, 0.7, 0.8, 0.9];

    public IReadOnlyList<int> Iterations { get; init; } = [400, 800, 1200, 1600, 2000, 2400, 2800];

    public IReadOnlyList<int> KernelsPerJob { get; init; } = [4, 8, 12, 16];

    /// <summary>Memory is drawn uniformly in [Min, Max] MiB (512-MiB steps) ...</summary>
    public long MemoryMinMiB { get; init; } = 1024;

    public long MemoryMaxMiB { get; init; } = 15 * 1024;

    /// <summary>... except this share of jobs, drawn in (Max, LargeMax]: they fit beside small jobs only.</summary>
    public double LargeMemoryShare { get; init; } = 0.1;

    public long LargeMemoryMaxMiB { get; init; } = 24 * 1024;

    public void Validate()
    {
        if (JobCount < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(JobCount), JobCount, "JobCount must be at least 1.");
        }

        if (QosTargets.Count == 0 || QosTargets.Any(q => !(q > 0 && q <= 1)))
        {
            throw new ArgumentException("QosTargets must be non-empty values in (0, 1].", nameof(QosTargets));
        }

        if (Iterations.Count == 0 || Iterations.Any(i => i < 1))
        {
            throw new ArgumentException("Iterations must be non-empty positive values.", nameof(Iterations));
        }

        if (KernelsPerJob.Count == 0 || KernelsPerJob.Any(k => k < 1))
        {
            throw new ArgumentException("KernelsPerJob must be non-empty positive values.", nameof(KernelsPerJob));
        }

        if (!(MemoryMinMiB > 0 && MemoryMinMiB <= MemoryMaxMiB && MemoryMaxMiB <= LargeMemoryMaxMiB))
        {
            throw new ArgumentException("Memory bounds must satisfy 0 < MemoryMinMiB <= MemoryMaxMiB <= LargeMemoryMaxMiB.", nameof(MemoryMinMiB));
        }

        if (!(LargeMemoryShare >= 0 && LargeMemoryShare <= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(LargeMemoryShare), LargeMemoryShare, "LargeMemoryShare must be in [0, 1].");
        }
    }
}
