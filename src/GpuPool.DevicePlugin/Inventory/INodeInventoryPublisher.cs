namespace GpuPool.DevicePlugin.Inventory;

/// <summary>Writes the node's GPU labels and inventory annotation where the operator reads them.</summary>
public interface INodeInventoryPublisher
{
    Task PublishAsync(NodeInventory inventory, CancellationToken cancellationToken);
}
