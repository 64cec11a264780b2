namespace GpuPool.DevicePlugin.Devices;

/// <summary>One physical (or simulated) GPU of this node as the plugin advertises it.</summary>
public sealed record GpuDevice(int Index, string Uuid, string Model, long MemoryMiB, int SmCount, bool Healthy);
