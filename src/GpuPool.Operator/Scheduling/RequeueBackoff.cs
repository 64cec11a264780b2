using System.Globalization;
using GpuPool.Operator.Resources;

namespace GpuPool.Operator.Scheduling;

/// <summary>
/// How long a job the node refused waits before it is planned again: the base delay, doubled with
/// each requeue (at most ten minutes), counted from the refusal written into its Scheduled condition.
/// A refusal is usually a device plugin restarting; planning at once would spend the requeues on it.
/// </summary>
public sealed class RequeueBackoff(TimeSpan baseDelay)
{
    private static readonly TimeSpan _longest = TimeSpan.FromMinutes(10);

    /// <summary>The wait after requeue number <paramref name="requeues"/> (1 for the first).</summary>
    public TimeSpan After(int requeues)
    {
        var doublings = Math.Clamp(requeues - 1, 0, 20);
        var delay = baseDelay * Math.Pow(2, doublings);
        return delay < _longest ? delay : _longest;
    }

    /// <summary>True while a requeued job must not be planned yet.</summary>
    public bool Holds(GpuJob job, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(job);
        return RefusedPodRequeuer.IsRequeued(job)
            && DateTimeOffset.TryParse(job.Status!.Condition(ConditionTypes.Scheduled)!.LastTransitionTime, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var refusedAt)
            && now < refusedAt + After(job.Status.Requeues ?? 1);
    }
}
