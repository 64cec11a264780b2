using System.Globalization;
using GpuPool.Operator.Resources;

namespace GpuPool.Operator.Scheduling;

/// <summary>
/// How long a job the node refused waits before it is planned again: the base delay, doubled with
/// each requeue (at most ten minutes), counted from the refusal written into its Scheduled condition.
/// A refusal is usually a device plugin restarting; planning at once would spend the requeues on it.
/// A job whose pod or bind the API server refused waits <paramref name="rejectedHold"/>
/// (<c>RejectedHoldSeconds</c>), or until the job's next generation.
/// </summary>
public sealed class RequeueBackoff(TimeSpan baseDelay, TimeSpan rejectedHold)
{
    /// <summary>The longest wait after a node refusal.</summary>
    public static TimeSpan Longest { get; } = TimeSpan.FromMinutes(10);

    /// <summary>How long a job whose pod or bind the API server refused waits, unless its spec changes.</summary>
    public TimeSpan RejectedHold => rejectedHold;

    /// <summary>The wait after requeue number <paramref name="requeues"/> (1 for the first).</summary>
    public TimeSpan After(int requeues)
    {
        var doublings = Math.Clamp(requeues - 1, 0, 20);
        var delay = baseDelay * Math.Pow(2, doublings);
        return delay < Longest ? delay : Longest;
    }

    /// <summary>
    /// True while a job must not be planned yet: requeued after a node refusal (doubling backoff), or
    /// its pod or bind refused by the API server at this generation (<see cref="RejectedHold"/>:
    /// nothing but an edit of the job, or of its namespace's policy, makes the same write acceptable,
    /// and an edit is a new generation, planned at once).
    /// </summary>
    public bool Holds(GpuJob job, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(job);
        var scheduled = job.Status?.Condition(ConditionTypes.Scheduled);
        if (job.Status?.Phase != JobPhase.Pending || scheduled is null
            || !DateTimeOffset.TryParse(scheduled.LastTransitionTime, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var refusedAt))
        {
            return false;
        }

        return scheduled.Reason switch
        {
            ConditionReasons.NodeRefused => now < refusedAt + After(job.Status.Requeues ?? 1),
            ConditionReasons.PodRejected or ConditionReasons.BindRejected => scheduled.ObservedGeneration == job.Metadata.Generation && now < refusedAt + rejectedHold,
            _ => false,
        };
    }
}
