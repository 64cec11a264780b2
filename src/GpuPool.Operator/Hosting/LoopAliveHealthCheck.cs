using GpuPool.Operator.Scheduling;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace GpuPool.Operator.Hosting;

/// <summary>
/// /healthz: unhealthy when this replica leads but its scheduling loop has not come round for
/// two window periods plus a grace for a long window's writes (a hung loop a restart would cure).
/// A standby replica, whose loop does not run, is healthy.
/// </summary>
public sealed class LoopAliveHealthCheck(ILoopHeartbeat loop, TimeProvider time) : IHealthCheck
{
    public const string Tag = "live";

    /// <summary>What one window may take beyond its period before the loop counts as hung.</summary>
    public static readonly TimeSpan Grace = TimeSpan.FromMinutes(5);

    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (!loop.Running || loop.LastBeat is not { } beat)
        {
            return Task.FromResult(HealthCheckResult.Healthy("not leading: the scheduling loop is idle"));
        }

        var age = time.GetUtcNow() - beat;
        var limit = (2 * loop.Period) + Grace;
        return Task.FromResult(age <= limit
            ? HealthCheckResult.Healthy($"scheduling loop came round {age.TotalSeconds:0}s ago")
            : HealthCheckResult.Unhealthy($"scheduling loop stuck for {age.TotalSeconds:0}s (limit {limit.TotalSeconds:0}s)"));
    }
}
