using GpuPool.Core.Jobs;
using GpuPool.Core.Sharing;

namespace GpuPool.Core.Placement;

/// <summary>
/// The one job running on a GPU, as a window sees it: the setting it was started under (seen from
/// itself) and how far it has got. On MPS a running process's share of the SMs is fixed when it
/// starts, so a newcomer can only take what is left (<see cref="NewcomerSetting"/>), and a job
/// started alone on the whole GPU leaves no room. Progress is what the running job has already
/// done (isolated seconds) in the time since it started; both 0 when unknown (predicted as fresh).
/// </summary>
public sealed record Resident(SharingSetting Setting, double CompletedIsolatedSeconds = 0, double ElapsedSeconds = 0)
{
    /// <summary>The share a running job holds, fixed for its life; exclusive holds it all.</summary>
    public bool HasRoom => !Setting.IsExclusive;

    /// <summary>The only setting a newcomer can get beside it: what the running job leaves, seen from the newcomer.</summary>
    public SharingSetting NewcomerSetting => Setting.Swapped;

    /// <summary>
    /// The running job's work still to do, as a job of its own: the same kernels, the remaining
    /// iterations (rounded up: a partly done iteration counts whole), a name that says how far it got.
    /// </summary>
    public Job RemainingOf(Job running)
    {
        ArgumentNullException.ThrowIfNull(running);
        var left = Math.Max(0, running.IsolatedSeconds - CompletedIsolatedSeconds);
        var iterations = (int)Math.Clamp(Math.Ceiling((left / running.IterationSeconds) - 1e-9), 1, running.Iterations);
        return iterations == running.Iterations
            ? running
            : new Job($"{running.Id}@rest{iterations}", running.Kernels, iterations, running.QosTarget, running.GpuMemoryMiB, running.Priority);
    }

    /// <summary>
    /// The running job's NP over its whole life when its remaining work runs at
    /// <paramref name="remainingNp"/> from now on: isolated time over elapsed plus the time still needed.
    /// </summary>
    public double FinalNp(Job running, double remainingNp)
    {
        ArgumentNullException.ThrowIfNull(running);
        var left = Math.Max(0, running.IsolatedSeconds - CompletedIsolatedSeconds);
        return running.IsolatedSeconds / (ElapsedSeconds + (left / remainingNp));
    }
}
