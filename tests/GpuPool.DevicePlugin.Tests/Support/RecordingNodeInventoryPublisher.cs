using System.Collections.Concurrent;
using GpuPool.Contracts.Inventory;
using GpuPool.DevicePlugin.Inventory;

namespace GpuPool.DevicePlugin.Tests.Support;

/// <summary>Keeps every inventory the plugin published; can fail the first N attempts.</summary>
public sealed class RecordingNodeInventoryPublisher : INodeInventoryPublisher
{
    private int _failuresLeft;

    public RecordingNodeInventoryPublisher(int failFirst = 0) => _failuresLeft = failFirst;

    public ConcurrentQueue<NodeInventoryDocument> Published { get; } = new();

    public Task PublishAsync(NodeInventoryDocument inventory, CancellationToken cancellationToken)
    {
        if (Interlocked.Decrement(ref _failuresLeft) >= 0)
        {
            throw new HttpRequestException("API server unavailable (test)");
        }

        Published.Enqueue(inventory);
        return Task.CompletedTask;
    }
}
