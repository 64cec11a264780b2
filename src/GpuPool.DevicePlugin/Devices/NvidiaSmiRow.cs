namespace GpuPool.DevicePlugin.Devices;

/// <summary>One GPU line of <c>nvidia-smi --query-gpu</c> output, parsed.</summary>
public sealed record NvidiaSmiRow(int Index, string Uuid, string Name, long MemoryMiB, bool Healthy);
