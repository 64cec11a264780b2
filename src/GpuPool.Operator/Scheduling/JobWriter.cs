using GpuPool.Operator.Ports;
using GpuPool.Operator.Resilience;
using GpuPool.Operator.Resources;
using GpuPool.Operator.Telemetry;
using GpuPool.Operator.Watching;
using Microsoft.Extensions.Logging;

namespace GpuPool.Operator.Scheduling;

/// <summary>Writes a job's status (merge patch, retried) and its Events (best effort), keeping the cache current.</summary>
public sealed partial class JobWriter(IClusterPort port, ApiWriter writer, ClusterCache cache, OperatorMetrics metrics, ILogger logger)
{
    /// <summary>The newest copy the cache holds: patches build on it, since a merge patch replaces the whole conditions list.</summary>
    public GpuJob Latest(GpuJob job)
    {
        ArgumentNullException.ThrowIfNull(job);
        return cache.Jobs.Get(job.Key) ?? job;
    }

    /// <summary>True when written; false when the job is gone or the retries ran out (the next window tries again).</summary>
    public async Task<bool> PatchStatusAsync(GpuJob job, GpuJobStatus status, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(job);
        try
        {
            var updated = await writer.RunAsync(
                "patch_status",
                ct => port.PatchJobStatusAsync(job.Metadata.NamespaceProperty, job.Metadata.Name, status, ct),
                cancellationToken);
            cache.Jobs.Upsert(updated);
            return true;
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
        catch (Exception e) when (ApiWriter.IsExhausted(e) || e is ApiConflictException or ApiNotFoundException)
        {
            LogWriteFailed(e, "event " + reason + " of", job.Key);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not write {What} {Job}")]
    private partial void LogWriteFailed(Exception error, string what, string job);
}
