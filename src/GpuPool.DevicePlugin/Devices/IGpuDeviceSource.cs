namespace GpuPool.DevicePlugin.Devices;

/// <summary>Discovers this node's GPUs and their current health; polled periodically.</summary>
public interface IGpuDeviceSource
{
    Task<IReadOnlyList<GpuDevice>> ListAsync(CancellationToken cancellationToken);
}
