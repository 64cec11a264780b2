using System.Globalization;
using GpuPool.Contracts;
using GpuPool.DevicePlugin.Devices;

namespace GpuPool.DevicePlugin.Kubelet;

/// <summary>
/// Device IDs advertised for one GPU's resource: one per percent of its share, "&lt;uuid&gt;-p00" to
/// "&lt;uuid&gt;-p99". They carry the UUID so that an ID of another GPU is recognisable as such.
/// </summary>
public static class DeviceIds
{
    public static IEnumerable<string> For(GpuDevice gpu)
    {
        ArgumentNullException.ThrowIfNull(gpu);
        return Enumerable.Range(0, GpuResources.UnitsPerGpu).Select(unit => $"{gpu.Uuid}-p{unit.ToString("00", CultureInfo.InvariantCulture)}");
    }
}
