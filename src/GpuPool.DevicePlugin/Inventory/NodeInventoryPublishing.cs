using GpuPool.Contracts.Inventory;
using GpuPool.DevicePlugin.Devices;
using GpuPool.DevicePlugin.Hosting;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace GpuPool.DevicePlugin.Inventory;

/// <summary>Publishes the node inventory after discovery and after every change of the GPU list.</summary>
public sealed partial class NodeInventoryPublishing(
    DeviceInventory inventory,
    INodeInventoryPublisher publisher,
    TimeProvider timeProvider,
    ILogger<NodeInventoryPublishing> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var pipeline = RestartBackoff.Create(timeProvider, (e, attempt, delay) => LogRetry(e, attempt, delay));
        var published = 0L;
        while (!stoppingToken.IsCancellationRequested)
        {
            await inventory.WaitForChangeAsync(published, stoppingToken).ConfigureAwait(false);
            await pipeline.ExecuteAsync(
                async token =>
                {
                    // Read inside the attempt so a retry publishes the newest list, not a stale one.
                    var (devices, version) = inventory.Snapshot();
                    var node = NodeInventoryDocuments.From(devices);
                    await publisher.PublishAsync(node, token).ConfigureAwait(false);
                    published = version;
                    var healthy = devices.Count(d => d.Healthy);
                    LogPublished(node.Count, healthy);
                },
                stoppingToken).ConfigureAwait(false);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Publishing the node inventory failed (attempt {Attempt}); retrying in {Delay}.")]
    private partial void LogRetry(Exception exception, int attempt, TimeSpan delay);

    [LoggerMessage(Level = LogLevel.Information, Message = "Published node inventory: {Count} GPUs, {Healthy} healthy.")]
    private partial void LogPublished(int count, int healthy);
}
