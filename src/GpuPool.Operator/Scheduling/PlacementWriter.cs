using GpuPool.Operator.Ports;
using GpuPool.Operator.Resilience;
using GpuPool.Operator.Resources;
using GpuPool.Operator.Telemetry;
using GpuPool.Operator.Watching;
using k8s.Models;
using Microsoft.Extensions.Logging;

namespace GpuPool.Operator.Scheduling;

/// <summary>
/// Step 4 of a window for one decision: create the pod (deterministic name; 409 = created before),
/// then hand it to the <see cref="PodReconciler"/> to bind it and write status and an Event.
/// A create that fails after retries writes nothing: the decision is forgotten and the job waits
/// for the next window. A create the API server refuses (400/403/422) marks that job alone
/// (<see cref="RejectedWriteMarker"/>); the window goes on. Once the pod exists it is the decision's durable record.
/// </summary>
public sealed partial class PlacementWriter(
    IClusterPort port,
    ApiWriter writer,
    ClusterCache cache,
    PodReconciler reconciler,
    JobWriter jobs,
    RejectedWriteMarker rejections,
    string schedulerName,
    string resourcePrefix,
    TimeProvider time,
    OperatorMetrics metrics,
    ILogger logger)
{
    /// <summary>True when the job's pod is bound.</summary>
    public async Task<bool> WriteAsync(Placement placement, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(placement);
        var job = placement.Job;
        var pod = PodBuilder.Build(placement, schedulerName, resourcePrefix);
        V1Pod? created;
        try
        {
            created = await writer.RunAsync("create_pod", ct => port.CreatePodAsync(pod, ct), cancellationToken);
        }
        catch (ApiConflictException)
        {
            created = await writer.RunAsync("get_pod", ct => port.GetPodAsync(pod.Metadata.NamespaceProperty, pod.Metadata.Name, ct), cancellationToken);
            if (created is not null && !JobOwnership.Owns(job, created))
            {
                await RefuseAsync(job, created, cancellationToken);
                return false;
            }
        }
        catch (ApiRefusedException e)
        {
            await rejections.MarkCreateRefusedAsync(job, e, cancellationToken);
            return false;
        }
        catch (Exception e) when (ApiWriter.IsExhausted(e))
        {
            metrics.BindFailures.WithLabels(BindFailureReasons.CreatePod).Inc();
            LogCreateFailed(e, job.Key);
            return false;
        }

        if (created is null)
        {
            return false;
        }

        cache.Pods.Upsert(created);
        return await reconciler.SyncAsync(created, cancellationToken);
    }

    private async Task RefuseAsync(GpuJob seen, V1Pod foreign, CancellationToken cancellationToken)
    {
        var job = jobs.Latest(seen);
        metrics.BindFailures.WithLabels(BindFailureReasons.PodNameTaken).Inc();
        var message = $"Pod {foreign.Metadata.Name} exists and is not owned by this GpuJob; delete or rename it.";
        var status = (job.Status ?? new GpuJobStatus()) with
        {
            Phase = JobPhase.Pending,
            Conditions = Conditions.Set(job.Status?.Conditions, ConditionTypes.Scheduled, false, ConditionReasons.PodNameTaken, message, job.Metadata.Generation, time.GetUtcNow()),
        };
        if (StatusProjector.Differs(job.Status, status) && await jobs.PatchStatusAsync(job, status, cancellationToken))
        {
            await jobs.EmitAsync(job, true, ConditionReasons.PodNameTaken, message, cancellationToken);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Creating the pod of {Job} failed; decision forgotten, job requeued")]
    private partial void LogCreateFailed(Exception error, string job);
}
