namespace GpuPool.DevicePlugin.Options;

/// <summary>The GPUs a simulated node pretends to have.</summary>
public sealed class SimulatedGpuOptions
{
    public string Model { get; set; } = "V100";

    public int Count { get; set; } = 2;

    public long MemoryMiB { get; set; } = 32768;

    public int SmCount { get; set; } = 80;
}
