using GpuPool.Contracts;
using GpuPool.DevicePlugin.Devices;

namespace GpuPool.DevicePlugin.Allocation;

/// <summary>
/// What one container was given: a GPU and how many of its <see cref="GpuResources.UnitsPerGpu"/>
/// devices. Everything a container's environment says follows from these two.
/// </summary>
public sealed record GpuAllocation(GpuDevice Gpu, int Units)
{
    public double Share => (double)Units / GpuResources.UnitsPerGpu;
}
