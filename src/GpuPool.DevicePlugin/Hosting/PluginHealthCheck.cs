using GpuPool.DevicePlugin.Devices;
using GpuPool.DevicePlugin.Kubelet;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace GpuPool.DevicePlugin.Hosting;

/// <summary>
/// Degraded (still HTTP 200) while the kubelet does not know the plugin or a GPU is unhealthy:
/// restarting the pod would fix neither, so liveness must not fail on them.
/// </summary>
public sealed class PluginHealthCheck(RegistrationState registration, DeviceInventory inventory) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var devices = inventory.Devices;
        var unhealthy = devices.Count(d => !d.Healthy);
        var data = new Dictionary<string, object>
        {
            ["registered"] = registration.IsRegistered,
            ["registrations"] = registration.Registrations,
            ["gpus"] = devices.Count,
            ["unhealthyGpus"] = unhealthy,
        };
        var result = !registration.IsRegistered
            ? HealthCheckResult.Degraded("not registered with the kubelet", data: data)
            : unhealthy > 0
                ? HealthCheckResult.Degraded($"{unhealthy} of {devices.Count} GPUs unhealthy", data: data)
                : HealthCheckResult.Healthy($"{devices.Count} GPUs advertised", data);
        return Task.FromResult(result);
    }
}
