using GpuPool.DevicePlugin.Devices;

namespace GpuPool.DevicePlugin.Kubelet;

/// <summary>Device IDs advertised to the kubelet: two slots per GPU, "&lt;uuid&gt;-slot0" and "-slot1".</summary>
public static class DeviceIds
{
    public const int SlotsPerGpu = 2;

    public static IEnumerable<string> For(GpuDevice gpu)
    {
        ArgumentNullException.ThrowIfNull(gpu);
        return Enumerable.Range(0, SlotsPerGpu).Select(slot => $"{gpu.Uuid}-slot{slot}");
    }
}
