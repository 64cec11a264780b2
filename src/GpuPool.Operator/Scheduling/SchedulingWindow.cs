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
/// 4. Plan: missing-profile jobs alone, the policy for the rest (caches trimmed to their bounds first).
/// 5. Write each decision (pod, binding, status, Event); a failed write requeues the job.
/// 6. Mark jobs left waiting (with the node check that kept a job off, if one did); update gauges.
/// Steps 1, 3, 5 and 6 write each object independently of the others (one pod, one job), so they
/// run <paramref name="writeParallelism"/> at a time; the plan is fixed before any write starts.
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
    WindowCaches caches,
    int writeParallelism,
    int maxJobSeries,
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
        await EachAsync(cache.Pods.Snapshot(), (pod, ct) => reconciler.SyncAsync(pod, ct), cancellationToken);

        // 2. Snapshot.
        var snapshot = snapshots.Take();
        metrics.PendingJobs.Set(snapshot.PendingTotal);

        // 3. Flag.
        await unreadable.FlagAsync(cache.Jobs.Unreadable(), cancellationToken);
        foreach (var placed in cache.Jobs.Snapshot())
        {
            await flagger.CorrectStaleProfileMissingAsync(placed, snapshots.Translate, cancellationToken);
        }

        await EachAsync(snapshot.Rejected, flagger.FlagInvalidAsync, cancellationToken);
        await EachAsync(snapshot.Pending, flagger.FlagProfileAsync, cancellationToken);

        // 4. Plan.
        var planning = time.GetTimestamp();
        caches.Trim();
        var plan = Planner.Plan(snapshot, policy);
        var planned = time.GetElapsedTime(planning);
        caches.Report();
        metrics.PairsFormed.Inc(plan.PairsFormed);

        // 5. Write.
        var bound = 0;
        await EachAsync(
            plan.Placements,
            async (placement, ct) =>
            {
                if (await placements.WriteAsync(placement, ct))
                {
                    Interlocked.Increment(ref bound);
                }
            },
            cancellationToken);

        // 6. Waiting jobs and gauges.
        await EachAsync(plan.Waiting, (waiting, ct) => flagger.FlagWaitingAsync(waiting, plan.MisfitOf(waiting), ct), cancellationToken);

        var placedOn = plan.Placements.ToLookup(p => (p.Node, p.GpuIndex));
        metrics.ReplaceGpuStp(snapshot.Gpus.Select(slot =>
        {
            var added = placedOn[(slot.Gpu.Id.Node, slot.Gpu.Id.Index)].Sum(p => p.PredictedNp ?? (p.Partner.Length == 0 ? 1.0 : 0.0));
            return (slot.Gpu.Id.Node, slot.Gpu.Id.Index.ToString(System.Globalization.CultureInfo.InvariantCulture), slot.PredictedNpSum + added);
        }));

        metrics.ReplaceJobSeries(Telemetry.JobSeries.Newest(cache.Jobs.Snapshot(), maxJobSeries));
        metrics.WindowDuration.Observe(time.GetElapsedTime(started).TotalSeconds);
        return new WindowReport(plan.Placements.Count, bound, plan.Waiting.Count, snapshot.Rejected.Count, plan.PairsFormed, planned);
    }

    /// <summary>
    /// Runs <paramref name="write"/> for every item, <c>writeParallelism</c> at a time. Each write
    /// handles its own API failures; an exception that escapes one (a crash) stops the rest and
    /// ends the window, exactly as a process dying mid-window would.
    /// </summary>
    private Task EachAsync<T>(IEnumerable<T> items, Func<T, CancellationToken, Task> write, CancellationToken cancellationToken) =>
        Parallel.ForEachAsync(
            items,
            new ParallelOptions { MaxDegreeOfParallelism = writeParallelism, CancellationToken = cancellationToken },
            async (item, ct) => await write(item, ct));
}
