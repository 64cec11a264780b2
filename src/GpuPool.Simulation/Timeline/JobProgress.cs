using GpuPool.Core.Jobs;
using GpuPool.Core.Kernels;

namespace GpuPool.Simulation.Timeline;

/// <summary>
/// How far one job has got: which kernel of its unrolled sequence (iterations x kernels) it is
/// running, and how much of that kernel's isolated time is left.
/// </summary>
public sealed class JobProgress
{
    public JobProgress(Job job, double startSeconds)
    {
        ArgumentNullException.ThrowIfNull(job);
        Job = job;
        StartSeconds = startSeconds;
        TotalKernels = (long)job.Kernels.Count * job.Iterations;
        Remaining = job.Kernels[0].IsolatedSeconds;
    }

    public Job Job { get; }

    public double StartSeconds { get; }

    /// <summary>Index into the unrolled sequence; equals <see cref="TotalKernels"/> when done.</summary>
    public long Position { get; private set; }

    public long TotalKernels { get; }

    /// <summary>Isolated seconds left of the current kernel.</summary>
    public double Remaining { get; private set; }

    public bool IsDone => Position >= TotalKernels;

    public int KernelIndex => (int)(Position % Job.Kernels.Count);

    public KernelProfile Kernel => Job.Kernels[KernelIndex];

    /// <summary>Whole iterations still to start after the current one.</summary>
    public long IterationsAfterCurrent => Job.Iterations - 1 - IterationsDone;

    public long IterationsDone => Position / Job.Kernels.Count;

    /// <summary>How many 1/<paramref name="marks"/> parts of its iterations the job has completed (marks at 10: its decile).</summary>
    public long Mark(int marks) => IterationsDone * marks / Job.Iterations;

    /// <summary>Whole iterations from the current one until <see cref="Mark"/> next grows.</summary>
    public long IterationsToMark(int marks)
    {
        var next = Mark(marks) + 1;
        var reachedAt = ((next * Job.Iterations) + marks - 1) / marks;
        return reachedAt - IterationsDone;
    }

    /// <summary>Isolated seconds of work done so far.</summary>
    public double CompletedIsolatedSeconds
    {
        get
        {
            var whole = Position / Job.Kernels.Count;
            var done = (whole * Job.IterationSeconds) + Job.Kernels.Take(KernelIndex).Sum(k => k.IsolatedSeconds);
            return IsDone ? Job.IsolatedSeconds : done + (Kernel.IsolatedSeconds - Remaining);
        }
    }

    /// <summary>Runs the current kernel for <paramref name="isolatedSeconds"/> of its isolated time (less than it has left).</summary>
    public void Progress(double isolatedSeconds) => Remaining -= isolatedSeconds;

    /// <summary>The current kernel ended: move to the next one (or finish).</summary>
    public void NextKernel()
    {
        Position++;
        Remaining = IsDone ? 0 : Kernel.IsolatedSeconds;
    }

    /// <summary>Skips <paramref name="iterations"/> whole iterations; only valid at the start of an iteration.</summary>
    public void SkipIterations(long iterations)
    {
        if (KernelIndex != 0 || Remaining != Kernel.IsolatedSeconds)
        {
            throw new InvalidOperationException("Whole iterations can only be skipped from an iteration boundary.");
        }

        Position += iterations * Job.Kernels.Count;
        Remaining = IsDone ? 0 : Kernel.IsolatedSeconds;
    }
}
