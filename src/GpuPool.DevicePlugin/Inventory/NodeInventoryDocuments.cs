using GpuPool.Contracts.Inventory;
using GpuPool.DevicePlugin.Devices;

namespace GpuPool.DevicePlugin.Inventory;

/// <summary>The inventory document of the GPUs this plugin discovered.</summary>
public static class NodeInventoryDocuments
{
    /// <summary>The first GPU decides model, memory and SM count.</summary>
    public static NodeInventoryDocument From(IReadOnlyList<GpuDevice> devices)
    {
        ArgumentNullException.ThrowIfNull(devices);
        var first = devices.Count > 0 ? devices[0] : null;
        return new NodeInventoryDocument(
            first?.Model ?? "",
            devices.Count,
            first?.MemoryMiB ?? 0,
            first?.SmCount ?? 0,
            devices.Select(d => new NodeInventoryGpu(d.Index, d.Uuid, d.Healthy)).ToList());
    }
}
