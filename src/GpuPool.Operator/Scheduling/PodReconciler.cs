using GpuPool.Contracts;
using GpuPool.Operator.Observations;
using GpuPool.Operator.Ports;
using GpuPool.Operator.Resilience;
using GpuPool.Operator.Resources;
using GpuPool.Operator.Telemetry;
using GpuPool.Operator.Watching;
using k8s;
using k8s.Models;
using Microsoft.Extensions.Logging;

namespace GpuPool.Operator.Scheduling;

/// <summary>
/// Brings one owned pod and its job in line: an unbound pod is bound to the node its annotations
/// name (a restart between create and bind), and the job's status is rebuilt from the pod (a restart
/// between bind and status, and every later phase); a pod the node refused before it ran is
/// deleted and its job requeued; a bind the API server refuses deletes the pod and marks the job
/// (<see cref="RejectedWriteMarker"/>). Idempotent: run for every pod every window.
/// </summary>
public sealed partial class PodReconciler(
    IClusterPort port,
    ApiWriter writer,
    ClusterCache cache,
    JobWriter jobs,
    SnapshotBuilder translator,
    RefusedPodRequeuer requeuer,
    RejectedWriteMarker rejections,
    IObservationSink observations,
    OperatorMetrics metrics,
    TimeProvider time,
    ILogger logger)
{
    /// <summary>Binds if needed, then writes status; false when the pod could not be bound this time.</summary>
    public async Task<bool> SyncAsync(V1Pod pod, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(pod);
        var job = cache.Jobs.Get(JobOwnership.JobKeyOf(pod));
        if (job is null || !JobOwnership.Owns(job, pod))
        {
            return false;
        }

        if (string.IsNullOrEmpty(pod.Spec?.NodeName))
        {
            var bound = await BindAsync(job, pod, cancellationToken);
            if (bound is null)
            {
                return false;
            }

            pod = bound;
            cache.Pods.Upsert(pod);
        }

        if (requeuer.RequeueableRefusal(job, pod) is { } refusal)
        {
            await requeuer.RequeueAsync(job, pod, refusal, cancellationToken);
            return true;
        }

        var previous = job.Status?.Phase;
        var translation = translator.Translate(job);
        var desired = StatusProjector.Project(job, pod, translation.Job?.IsolatedSeconds, time.GetUtcNow(), partner => PartnerOverlap.RanBeside(pod, partner, cache.Pods.Snapshot()));
        if (!StatusProjector.Differs(job.Status, desired))
        {
            return true;
        }

        if (JobPhase.IsTerminal(desired.Phase) && !JobPhase.IsTerminal(previous) && desired.MeasuredNp is { } measured)
        {
            await observations.AppendAsync(Observation(job, translation, desired, measured), cancellationToken);
        }

        if (!await jobs.PatchStatusAsync(job, desired, cancellationToken))
        {
            return true;
        }

        await AnnounceAsync(job, previous, desired, cancellationToken);
        return true;
    }

    private async Task<V1Pod?> BindAsync(GpuJob job, V1Pod pod, CancellationToken cancellationToken)
    {
        var ns = pod.Metadata.NamespaceProperty;
        var name = pod.Metadata.Name;
        var node = MetadataValues.Get(pod.Metadata.Annotations, PodAnnotations.Node);
        if (string.IsNullOrEmpty(node))
        {
            LogNoNode(ns, name);
            return null;
        }

        try
        {
            await writer.RunAsync("bind_pod", ct => port.BindPodAsync(ns, name, node, ct), cancellationToken);
            var bound = KubernetesJson.Deserialize<V1Pod>(KubernetesJson.Serialize(pod));
            bound.Spec.NodeName = node;
            return bound;
        }
        catch (ApiConflictException)
        {
            // Already bound: by us before a restart. The stored pod says where.
            var stored = await writer.RunAsync("get_pod", ct => port.GetPodAsync(ns, name, ct), cancellationToken);
            return string.IsNullOrEmpty(stored?.Spec?.NodeName) ? null : stored;
        }
        catch (ApiRefusedException e)
        {
            await rejections.MarkBindRefusedAsync(job, pod, e, cancellationToken);
            return null;
        }
        catch (Exception e) when (ApiWriter.IsExhausted(e) || e is ApiNotFoundException)
        {
            metrics.BindFailures.WithLabels(BindFailureReasons.Bind).Inc();
            LogBindFailed(e, job.Key, node);
            return null;
        }
    }

    private async Task AnnounceAsync(GpuJob job, string? previous, GpuJobStatus now, CancellationToken cancellationToken)
    {
        if (previous is null or JobPhase.Pending)
        {
            var shared = !string.IsNullOrEmpty(now.Partner);
            metrics.JobsScheduled.WithLabels(shared ? "shared" : "alone").Inc();
            if (shared && now.PredictedNp is { } predicted)
            {
                metrics.PredictedNp.Observe(predicted);
            }

            await jobs.EmitAsync(job, false, shared ? ConditionReasons.Paired : ConditionReasons.Alone, now.Condition(ConditionTypes.Scheduled)?.Message ?? string.Empty, cancellationToken);
        }

        if (JobPhase.IsTerminal(now.Phase) && !JobPhase.IsTerminal(previous))
        {
            if (now.MeasuredNp is { } measured)
            {
                metrics.MeasuredNp.Observe(measured);
                if (measured < job.Spec.QosTarget)
                {
                    metrics.QosViolations.Inc();
                }
            }

            var completed = now.Condition(ConditionTypes.Completed);
            await jobs.EmitAsync(job, now.Phase == JobPhase.Failed, completed?.Reason ?? now.Phase!, completed?.Message ?? string.Empty, cancellationToken);
        }
    }

    private static NpObservation Observation(GpuJob job, JobTranslation translation, GpuJobStatus status, double measured) => new(
        job.Key,
        job.Metadata.Uid,
        status.Partner ?? string.Empty,
        status.Setting ?? string.Empty,
        [.. translation.Kernels.Select(k => k.Id ?? string.Empty)],
        status.PredictedNp,
        measured,
        job.Spec.QosTarget,
        status.Node ?? string.Empty,
        status.Gpu ?? 0,
        status.CompletionTime ?? string.Empty);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Pod {Namespace}/{Pod} is unbound and names no node; left alone")]
    private partial void LogNoNode(string @namespace, string pod);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Binding the pod of {Job} to {Node} failed; the next window retries")]
    private partial void LogBindFailed(Exception error, string job, string node);
}
