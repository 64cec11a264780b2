using GpuPool.DevicePlugin.Devices;

namespace GpuPool.DevicePlugin.Allocation;

/// <summary>
/// A pod's GPU placement after every annotation passed validation: the only values that may reach a
/// container's environment.
/// </summary>
public sealed record GpuAllocation(
    PendingPod Pod,
    GpuDevice Gpu,
    string SharingMode,
    double Share,
    int MpsActiveThreadPercentage,
    long GpuMemoryMiB,
    string Partner,
    double? PredictedNp);
