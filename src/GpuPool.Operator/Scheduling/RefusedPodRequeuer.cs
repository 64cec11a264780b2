using GpuPool.Operator.Ports;
using GpuPool.Operator.Resilience;
using GpuPool.Operator.Resources;
using GpuPool.Operator.Telemetry;
using k8s.Models;
using Microsoft.Extensions.Logging;

namespace GpuPool.Operator.Scheduling;

/// <summary>
/// Puts a job whose pod the node refused back in the queue: the refused pod is deleted (it holds no
/// GPU, and its name is the job's), then the job's status is reset to Pending with the node's reason
/// and one more requeue counted; <see cref="RequeueBackoff"/> holds it out of planning for a while.
/// After <c>maxRequeues</c> the pod is left and the job fails with it.
/// </summary>
public sealed partial class RefusedPodRequeuer(
    IClusterPort port,
    ApiWriter writer,
    JobWriter jobs,
    OperatorMetrics metrics,
    int maxRequeues,
    RequeueBackoff backoff,
    TimeProvider time,
    ILogger logger)
{
    /// <summary>The node's refusal when the job should be requeued rather than fail with <paramref name="pod"/>.</summary>
    public NodeRefusal? RequeueableRefusal(GpuJob job, V1Pod pod)
    {
        ArgumentNullException.ThrowIfNull(job);
        var refusal = NodeRefusal.Of(pod);
        // A job already Pending after this refusal is the old pod still in the cache: handled.
        return refusal is not null && !IsRequeued(job) && (job.Status?.Requeues ?? 0) < maxRequeues ? refusal : null;
    }

    public async Task RequeueAsync(GpuJob job, V1Pod pod, NodeRefusal refusal, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(job);
        ArgumentNullException.ThrowIfNull(pod);
        ArgumentNullException.ThrowIfNull(refusal);

        // 1. The pod goes first: a job whose status says Pending while its old pod stands would be
        //    counted twice. If the delete fails, the next window finds the same pod and tries again.
        var ns = pod.Metadata.NamespaceProperty;
        try
        {
            await writer.RunAsync("delete_pod", ct => port.DeletePodAsync(ns, pod.Metadata.Name, pod.Metadata.Uid, ct), cancellationToken);
        }
        catch (Exception e) when (ApiWriter.IsExhausted(e))
        {
            metrics.BindFailures.WithLabels(BindFailureReasons.Requeue).Inc();
            LogDeleteFailed(e, job.Key);
            return;
        }

        // 2. Pending again, with no placement: the next window plans it like any new job.
        var latest = jobs.Latest(job);
        var current = latest.Status ?? new GpuJobStatus();
        var requeues = (current.Requeues ?? 0) + 1;
        var message = $"{refusal.Describe()} Requeued ({requeues} of at most {maxRequeues}); planned again after {backoff.After(requeues).TotalSeconds:0.#} s.";
        var status = new GpuJobStatus
        {
            Phase = JobPhase.Pending,
            Requeues = requeues,
            Conditions = Conditions.Set(current.Conditions, ConditionTypes.Scheduled, false, ConditionReasons.NodeRefused, message, latest.Metadata.Generation, time.GetUtcNow()),
        };
        metrics.PodsRefused.Inc();
        LogRequeued(job.Key, refusal.Node, refusal.Reason, requeues);
        if (await jobs.PatchStatusAsync(latest, status, cancellationToken))
        {
            await jobs.EmitAsync(latest, true, ConditionReasons.NodeRefused, message, cancellationToken);
        }
    }

    /// <summary>The job waits Pending because a node refused its last pod.</summary>
    public static bool IsRequeued(GpuJob job) =>
        job.Status?.Phase == JobPhase.Pending && job.Status.Condition(ConditionTypes.Scheduled)?.Reason == ConditionReasons.NodeRefused;

    [LoggerMessage(Level = LogLevel.Warning, Message = "Deleting the refused pod of {Job} failed; the next window tries again")]
    private partial void LogDeleteFailed(Exception error, string job);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Node {Node} refused the pod of {Job} ({Reason}); requeued, {Requeues} so far")]
    private partial void LogRequeued(string job, string node, string reason, int requeues);
}
