using GpuPool.Core.Policies;
using GpuPool.Operator.Telemetry;
using GpuPool.Operator.Watching;

namespace GpuPool.Operator.Scheduling;

/// <summary>
/// One scheduling window: snapshot, decide, then write. None runs before every watch cache has
/// listed (an unsynced cache would make a present profile look missing and occupied GPUs look free).
/// 1. Reconcile every owned pod (finish a bind, rebuild status from the pod).
/// 2. Snapshot the cache: pending jobs, GPU slots, running jobs with a free partner slot.
/// 3. Flag unreadable jobs, invalid specs (once per generation) and missing profiles; correct a
///    ProfileMissing condition that no longer holds on a job already placed.
/// 4. Plan: missing-profile jobs alone, the policy for the rest.
/// 5. Write each decision (pod, binding, status, Event); a failed write requeues the job.
/// 6. Mark jobs left waiting; update gauges.
/// </summary>
public sealed class SchedulingWindow(
    ClusterCache cache,
    SnapshotBuilder snapshots,
    PodReconciler reconciler,
    PlacementWriter placements,
    JobFlagger flagger,
    UnreadableJobFlagger unreadable,
    ISharingPolicy policy,
    Func<bool> synced,
    OperatorMetrics metrics,
    TimeProvider time)
{
    public async Task<WindowReport> RunAsync(CancellationToken cancellationToken)
    {
        if (!synced())
        {
            metrics.WindowsSkipped.Inc();
            return WindowReport.NotSynced;
        }

        var started = time.GetTimestamp();

        // 1. Reconcile.
        foreach (var pod in cache.Pods.Snapshot())
        {
            await reconciler.SyncAsync(pod, cancellationToken);
        }

        // 2. Snapshot.
        var snapshot = snapshots.Take();
        metrics.PendingJobs.Set(snapshot.PendingTotal);

        // 3. Flag.
        await unreadable.FlagAsync(cache.Jobs.Unreadable(), cancellationToken);
        foreach (var placed in cache.Jobs.Snapshot())
        {
            await flagger.CorrectStaleProfileMissingAsync(placed, snapshots.Translate, cancellationToken);
        }

        foreach (var rejected in snapshot.Rejected)
        {
            await flagger.FlagInvalidAsync(rejected, cancellationToken);
        }

        foreach (var pending in snapshot.Pending)
        {
            await flagger.FlagProfileAsync(pending, cancellationToken);
        }

        // 4. Plan.
        var planning = time.GetTimestamp();
        var plan = Planner.Plan(snapshot, policy);
        var planned = time.GetElapsedTime(planning);
        metrics.PairsFormed.Inc(plan.PairsFormed);

        // 5. Write.
        var bound = 0;
        foreach (var placement in plan.Placements)
        {
            bound += await placements.WriteAsync(placement, cancellationToken) ? 1 : 0;
        }

        // 6. Waiting jobs and gauges.
        foreach (var waiting in plan.Waiting)
        {
            await flagger.FlagWaitingAsync(waiting, cancellationToken);
        }

        var placedOn = plan.Placements.ToLookup(p => (p.Node, p.GpuIndex));
        metrics.ReplaceGpuStp(snapshot.Gpus.Select(slot =>
        {
            var added = placedOn[(slot.Gpu.Id.Node, slot.Gpu.Id.Index)].Sum(p => p.PredictedNp ?? (p.Partner.Length == 0 ? 1.0 : 0.0));
            return (slot.Gpu.Id.Node, slot.Gpu.Id.Index.ToString(System.Globalization.CultureInfo.InvariantCulture), slot.PredictedNpSum + added);
        }));

        metrics.WindowDuration.Observe(time.GetElapsedTime(started).TotalSeconds);
        return new WindowReport(plan.Placements.Count, bound, plan.Waiting.Count, snapshot.Rejected.Count, plan.PairsFormed, planned);
    }
}
