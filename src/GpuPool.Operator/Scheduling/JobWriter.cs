using GpuPool.Operator.Ports;
using GpuPool.Operator.Resilience;
using GpuPool.Operator.Resources;
using GpuPool.Operator.Telemetry;
using GpuPool.Operator.Watching;
using Microsoft.Extensions.Logging;

namespace GpuPool.Operator.Scheduling;

/// <summary>
/// Writes a job's status (merge patch, retried) and its Events (best effort), keeping the cache
/// current. A status patch the API server refuses (400/403/422) marks that job alone with a
/// <see cref="ConditionTypes.StatusRejected"/> condition; the condition goes with the next accepted patch.
/// </summary>
public sealed partial class JobWriter(IClusterPort port, ApiWriter writer, ClusterCache cache, OperatorMetrics metrics, TimeProvider time, ILogger logger)
{
    /// <summary>The newest copy the cache holds: patches build on it, since a merge patch replaces the whole conditions list.</summary>
    public GpuJob Latest(GpuJob job)
    {
        ArgumentNullException.ThrowIfNull(job);
        return cache.Jobs.Get(job.Key) ?? job;
    }

    /// <summary>True when written; false when the job is gone, the API server refused it, or the retries ran out (the next window tries again).</summary>
    public async Task<bool> PatchStatusAsync(GpuJob job, GpuJobStatus status, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(job);
        ArgumentNullException.ThrowIfNull(status);
        try
        {
            // Accepted, so the refusal the condition reported no longer holds.
            await PatchAsync(job, status with { Conditions = status.Conditions?.Where(c => c.Type != ConditionTypes.StatusRejected).ToList() }, cancellationToken);
            return true;
        }
        catch (ApiRefusedException e)
        {
            metrics.BindFailures.WithLabels(BindFailureReasons.StatusRefused).Inc();
            LogStatusRefused(e, job.Key);
            await MarkStatusRefusedAsync(job, e, cancellationToken);
            return false;
        }
        catch (ApiNotFoundException)
        {
            return false;
        }
        catch (Exception e) when (ApiWriter.IsExhausted(e))
        {
            metrics.BindFailures.WithLabels(BindFailureReasons.Status).Inc();
            LogWriteFailed(e, "status of", job.Key);
            return false;
        }
    }

    /// <summary>Events are best effort: a failure is logged, never requeues anything.</summary>
    public async Task EmitAsync(GpuJob job, bool warning, string reason, string message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(job);
        try
        {
            await writer.RunAsync("create_event", ct => port.EmitEventAsync(new JobEvent(job, warning, reason, message), ct), cancellationToken);
        }
        catch (Exception e) when (ApiWriter.IsExhausted(e) || e is ApiConflictException or ApiNotFoundException or ApiRefusedException)
        {
            LogWriteFailed(e, "event " + reason + " of", job.Key);
        }
    }

    private async Task PatchAsync(GpuJob job, GpuJobStatus status, CancellationToken cancellationToken)
    {
        var updated = await writer.RunAsync(
            "patch_status",
            ct => port.PatchJobStatusAsync(job.Metadata.NamespaceProperty, job.Metadata.Name, status, ct),
            cancellationToken);
        cache.Jobs.Upsert(updated);
    }

    /// <summary>
    /// The status the server last accepted, plus the condition saying why the newer one is not
    /// there: written (with a Warning Event) only when the job does not say so already, since the
    /// same patch is refused again each window until the job or the schema changes. If even this is
    /// refused (the stored status no longer fits the schema), the refusal is only logged.
    /// </summary>
    private async Task MarkStatusRefusedAsync(GpuJob seen, ApiRefusedException refusal, CancellationToken cancellationToken)
    {
        var job = Latest(seen);
        var message = $"The API server refused the job's status ({refusal.Describe()}); the status shows the last write it accepted.";
        var current = job.Status ?? new GpuJobStatus();
        var marked = current with
        {
            Conditions = Conditions.Set(current.Conditions, ConditionTypes.StatusRejected, true, ConditionReasons.StatusPatchRefused, message, job.Metadata.Generation, time.GetUtcNow()),
        };
        if (!StatusProjector.Differs(job.Status, marked))
        {
            return;
        }

        try
        {
            await PatchAsync(job, marked, cancellationToken);
        }
        catch (Exception e) when (ApiWriter.IsExhausted(e) || e is ApiNotFoundException or ApiRefusedException)
        {
            LogWriteFailed(e, "the refused-status condition of", job.Key);
            return;
        }

        await EmitAsync(job, true, ConditionReasons.StatusPatchRefused, message, cancellationToken);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The API server refused the status of {Job}; the job is marked StatusRejected")]
    private partial void LogStatusRefused(Exception error, string job);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not write {What} {Job}")]
    private partial void LogWriteFailed(Exception error, string what, string job);
}
