using GpuPool.DevicePlugin.Mps;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace GpuPool.DevicePlugin.Hosting;

/// <summary>
/// Degraded (still HTTP 200) while the node's MPS daemon does not answer: the daemon is the node's
/// to restart, and restarting the plugin would not bring it back, so liveness must not fail on it.
/// </summary>
public sealed class MpsDaemonHealthCheck(IMpsDaemonProbe probe) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var daemon = await probe.ProbeAsync(cancellationToken).ConfigureAwait(false);
        return daemon.Up
            ? HealthCheckResult.Healthy(daemon.Detail)
            : HealthCheckResult.Degraded($"MPS daemon not answering: {daemon.Detail}");
    }
}
