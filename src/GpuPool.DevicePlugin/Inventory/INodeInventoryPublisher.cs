using GpuPool.Contracts.Inventory;
namespace GpuPool.DevicePlugin.Inventory;

/// <summary>Writes the node's GPU labels and inventory annotation where the operator reads them.</summary>
public interface INodeInventoryPublisher
{
    Task PublishAsync(NodeInventoryDocument inventory, CancellationToken cancellationToken);
}
