using System.Globalization;
using GpuPool.DevicePlugin.Devices;
using GpuPool.DevicePlugin.Emulator;
using GpuPool.DevicePlugin.Kubelet;
using GpuPool.DevicePlugin.Mps;

namespace GpuPool.DevicePlugin.Telemetry;

/// <summary>
/// Sets the state gauges from the plugin's own state just before each scrape, so they are never
/// stale and nothing has to remember to update them.
/// </summary>
public sealed class DevicePluginMetricsRefresher(
    DevicePluginMetrics metrics,
    DeviceInventory inventory,
    RegistrationState registration,
    IMpsDaemonProbe mps,
    NodeEmulator? emulator = null)
{
    public void Attach() => metrics.Registry.AddBeforeCollectCallback(RefreshAsync);

    public async Task RefreshAsync(CancellationToken cancellationToken)
    {
        Refresh();
        var daemon = await mps.ProbeAsync(cancellationToken).ConfigureAwait(false);
        metrics.MpsDaemonUp.Set(daemon.Up ? 1 : 0);
    }

    private void Refresh()
    {
        var devices = inventory.Devices;
        metrics.Gpus.WithLabels(DevicePluginMetrics.Healthy).Set(devices.Count(d => d.Healthy));
        metrics.Gpus.WithLabels(DevicePluginMetrics.Unhealthy).Set(devices.Count(d => !d.Healthy));
        metrics.Registered.Set(registration.IsRegistered ? 1 : 0);
        if (emulator is not null)
        {
            foreach (var (device, jobs) in emulator.Gpus())
            {
                metrics.EmulatedJobs.WithLabels(device.Index.ToString(CultureInfo.InvariantCulture)).Set(jobs);
            }
        }
    }
}
