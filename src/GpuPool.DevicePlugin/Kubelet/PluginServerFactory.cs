using GpuPool.Contracts;
using GpuPool.DevicePlugin.Allocation;
using GpuPool.DevicePlugin.Devices;
using GpuPool.DevicePlugin.Options;
using GpuPool.DevicePlugin.Telemetry;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace GpuPool.DevicePlugin.Kubelet;

/// <summary>Builds the plugin server of one GPU: its resource "&lt;ResourcePrefix&gt;-&lt;index&gt;" and its socket.</summary>
public sealed class PluginServerFactory(
    DeviceInventory inventory,
    ContainerAllocationBuilder builder,
    PlacementGuard guard,
    DevicePluginMetrics metrics,
    ILoggerFactory loggerFactory,
    IOptions<DevicePluginOptions> options)
{
    public PluginServer Create(int gpuIndex)
    {
        var resource = GpuResources.Name(options.Value.ResourcePrefix, gpuIndex);
        var service = new DevicePluginService(gpuIndex, resource, inventory, builder, guard, metrics, loggerFactory.CreateLogger<DevicePluginService>());
        return new PluginServer(service, loggerFactory, options);
    }
}
