using GpuPool.Contracts;
using GpuPool.Operator.Ports;
using GpuPool.Operator.Resilience;
using GpuPool.Operator.Resources;
using GpuPool.Operator.Telemetry;
using GpuPool.Operator.Watching;
using k8s.Models;
using Microsoft.Extensions.Logging;

namespace GpuPool.Operator.Scheduling;

/// <summary>
/// A write of one decision that the API server refuses (400, 403, 422: it will take the same write
/// again only after the job or its namespace's policy changes) marks that job alone and ends nothing
/// else. The job waits, Pending, with the API's status code, reason and message in its Scheduled
/// condition and a Warning Event, for its next generation or <see cref="RequeueBackoff.RejectedHold"/>.
/// Each refusal restamps the condition's time, so the wait counts from the latest one.
/// </summary>
public sealed partial class RejectedWriteMarker(
    IClusterPort port,
    ApiWriter writer,
    ClusterCache cache,
    JobWriter jobs,
    RequeueBackoff backoff,
    OperatorMetrics metrics,
    TimeProvider time,
    ILogger logger)
{
    /// <summary>The pod create was refused: nothing was written, so the decision is simply forgotten.</summary>
    public Task MarkCreateRefusedAsync(GpuJob job, ApiRefusedException refusal, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(job);
        ArgumentNullException.ThrowIfNull(refusal);
        metrics.BindFailures.WithLabels(BindFailureReasons.CreateRefused).Inc();
        LogRefused(refusal, "pod", job.Key);
        return HoldAsync(job, ConditionReasons.PodRejected, $"The API server refused the pod ({refusal.Describe()}). Fix the GpuJob's template (or the namespace's policy); {Retry()}", cancellationToken);
    }

    /// <summary>
    /// The bind was refused: the pod exists, unbound, holding the decision. It is deleted (with its
    /// UID as a precondition) before the job is marked, so the decision is forgotten as after a
    /// failed create and the pod is never bound later. If the delete fails, the pod stays and the
    /// next window's bind meets the same refusal and deletes it then.
    /// </summary>
    public async Task MarkBindRefusedAsync(GpuJob job, V1Pod pod, ApiRefusedException refusal, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(job);
        ArgumentNullException.ThrowIfNull(pod);
        ArgumentNullException.ThrowIfNull(refusal);
        metrics.BindFailures.WithLabels(BindFailureReasons.BindRefused).Inc();
        LogRefused(refusal, "bind of the pod", job.Key);
        var ns = pod.Metadata.NamespaceProperty;
        try
        {
            await writer.RunAsync("delete_pod", ct => port.DeletePodAsync(ns, pod.Metadata.Name, pod.Metadata.Uid, ct), cancellationToken);
        }
        catch (Exception e) when (ApiWriter.IsExhausted(e))
        {
            LogDeleteFailed(e, job.Key);
            return;
        }

        // The watch delivers the deletion too; applying it now keeps the next window from trying to
        // bind a pod that is gone.
        cache.Pods.Apply(new WatchEvent<V1Pod>(WatchEventKind.Deleted, pod, pod.Metadata.ResourceVersion));
        await HoldAsync(job, ConditionReasons.BindRejected, $"The API server refused to bind the pod to {MetadataValues.Get(pod.Metadata.Annotations, PodAnnotations.Node)} ({refusal.Describe()}); the pod was deleted. Check the operator's permissions in the namespace (or its policy); {Retry()}", cancellationToken);
    }

    private string Retry() =>
        $"tried again at the job's next generation or in {backoff.RejectedHold.TotalMinutes:0.#} min.";

    private async Task HoldAsync(GpuJob seen, string reason, string message, CancellationToken cancellationToken)
    {
        var job = jobs.Latest(seen);
        var others = job.Status?.Conditions?.Where(c => c.Type != ConditionTypes.Scheduled).ToList();
        var status = (job.Status ?? new GpuJobStatus()) with
        {
            Phase = JobPhase.Pending,
            Conditions = Conditions.Set(others, ConditionTypes.Scheduled, false, reason, message, job.Metadata.Generation, time.GetUtcNow()),
        };
        if (await jobs.PatchStatusAsync(job, status, cancellationToken))
        {
            await jobs.EmitAsync(job, true, reason, message, cancellationToken);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The API server refused the {What} of {Job}; the job is marked and held back")]
    private partial void LogRefused(Exception error, string what, string job);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Deleting the pod of {Job} after its bind was refused failed; the next window tries again")]
    private partial void LogDeleteFailed(Exception error, string job);
}
