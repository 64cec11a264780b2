using GpuPool.Core.Jobs;

namespace GpuPool.Prediction.JobWise;

/// <summary>A job as the timeline sees it: isolated kernel durations of one iteration, repeated.</summary>
public sealed class KernelSequence
{
    public KernelSequence(IReadOnlyList<double> durations, int iterations)
    {
        ArgumentNullException.ThrowIfNull(durations);
        if (durations.Count == 0)
        {
            throw new ArgumentException("A kernel sequence needs at least one kernel.", nameof(durations));
        }

        for (var i = 0; i < durations.Count; i++)
        {
            if (!(durations[i] > 0 && double.IsFinite(durations[i])))
            {
                throw new ArgumentOutOfRangeException(nameof(durations), durations[i], $"Kernel {i}: duration must be positive and finite.");
            }
        }

        if (iterations <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(iterations), iterations, "iterations must be positive.");
        }

        Durations = [.. durations];
        Iterations = iterations;
        IterationSeconds = Durations.Sum();
    }

    public double[] Durations { get; }

    public int Iterations { get; }

    public double IterationSeconds { get; }

    /// <summary>The whole job alone: the NP numerator.</summary>
    public double TotalSeconds => IterationSeconds * Iterations;

    /// <summary>A job's kernels in order, each for its isolated duration.</summary>
    public static KernelSequence Of(Job job)
    {
        ArgumentNullException.ThrowIfNull(job);
        return new KernelSequence([.. job.Kernels.Select(k => k.IsolatedSeconds)], job.Iterations);
    }
}
