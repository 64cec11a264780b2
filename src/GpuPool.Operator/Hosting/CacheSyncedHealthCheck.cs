using GpuPool.Operator.Scheduling;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace GpuPool.Operator.Hosting;

/// <summary>/readyz: ready once every watch has listed, so decisions come from a full picture.</summary>
public sealed class CacheSyncedHealthCheck(Scheduler scheduler) : IHealthCheck
{
    public const string Tag = "ready";

    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(scheduler.IsSynced
            ? HealthCheckResult.Healthy("watch caches synced")
            : HealthCheckResult.Unhealthy("watch caches not yet listed"));
}
