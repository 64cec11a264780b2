using GpuPool.Core.Kernels;

namespace GpuPool.Core.Jobs;

/// <summary>
/// A throughput job: one iteration is its kernel sequence in order, repeated
/// <see cref="Iterations"/> times. It accepts being slowed down to <see cref="QosTarget"/>
/// (normalized progress) and needs <see cref="GpuMemoryMiB"/> of device memory.
/// </summary>
public sealed record Job
{
    public Job(string id, IReadOnlyList<KernelProfile> kernels, int iterations, double qosTarget, long gpuMemoryMiB, int priority = 0)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(id);
        ArgumentNullException.ThrowIfNull(kernels);
        if (kernels.Count == 0)
        {
            throw new ArgumentException($"Job '{id}': kernels must not be empty.", nameof(kernels));
        }

        if (iterations <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(iterations), iterations, $"Job '{id}': iterations must be positive.");
        }

        if (!(qosTarget > 0 && qosTarget <= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(qosTarget), qosTarget, $"Job '{id}': qosTarget must be in (0, 1].");
        }

        if (gpuMemoryMiB < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(gpuMemoryMiB), gpuMemoryMiB, $"Job '{id}': gpuMemoryMiB must not be negative.");
        }

        Id = id;
        Kernels = kernels;
        Iterations = iterations;
        QosTarget = qosTarget;
        GpuMemoryMiB = gpuMemoryMiB;
        Priority = priority;
        IterationSeconds = kernels.Sum(k => k.IsolatedSeconds);
    }

    public string Id { get; }

    public IReadOnlyList<KernelProfile> Kernels { get; }

    public int Iterations { get; }

    public double QosTarget { get; }

    public long GpuMemoryMiB { get; }

    /// <summary>Higher runs first when GPUs are short; ties keep arrival order.</summary>
    public int Priority { get; }

    /// <summary>One iteration alone on a whole GPU.</summary>
    public double IterationSeconds { get; }

    /// <summary>The whole job alone on a whole GPU: the NP numerator.</summary>
    public double IsolatedSeconds => IterationSeconds * Iterations;

    /// <summary>Jobs are identified by id; two records with one id are the same job.</summary>
    public bool Equals(Job? other) => other is not null && Id == other.Id;

    public override int GetHashCode() => Id.GetHashCode(StringComparison.Ordinal);

    public override string ToString() => Id;
}
