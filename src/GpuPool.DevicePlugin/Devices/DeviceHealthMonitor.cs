using GpuPool.DevicePlugin.Options;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace GpuPool.DevicePlugin.Devices;

/// <summary>
/// Discovers GPUs at start and re-reads them every HealthPollSeconds; a failed poll marks every
/// known GPU unhealthy (the driver stopped answering) instead of keeping stale good news.
/// </summary>
public sealed partial class DeviceHealthMonitor(
    IGpuDeviceSource source,
    DeviceInventory inventory,
    IOptions<DevicePluginOptions> options,
    TimeProvider timeProvider,
    ILogger<DeviceHealthMonitor> logger) : BackgroundService
{
    public async Task PollOnceAsync(CancellationToken cancellationToken)
    {
        IReadOnlyList<GpuDevice> devices;
        try
        {
            devices = await source.ListAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            LogPollFailed(e);
            devices = inventory.Devices.Select(d => d with { Healthy = false }).ToList();
        }

        if (inventory.Update(devices))
        {
            var healthy = devices.Count(d => d.Healthy);
            LogDevices(devices.Count, healthy);
        }
    }

    /// <summary>Discovers before the host goes on, so the kubelet's first device list is never empty.</summary>
    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        await PollOnceAsync(cancellationToken).ConfigureAwait(false);
        await base.StartAsync(cancellationToken).ConfigureAwait(false);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(options.Value.HealthPollSeconds), timeProvider);
        while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false))
        {
            await PollOnceAsync(stoppingToken).ConfigureAwait(false);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "GPU discovery failed; marking every known GPU unhealthy.")]
    private partial void LogPollFailed(Exception exception);

    [LoggerMessage(Level = LogLevel.Information, Message = "GPU list changed: {Count} GPUs, {HealthyCount} healthy.")]
    private partial void LogDevices(int count, int healthyCount);
}
