using Microsoft.Extensions.Hosting;

namespace GpuPool.DevicePlugin.Emulator;

/// <summary>Runs the emulator's time loop for the host's lifetime (simulated mode only).</summary>
public sealed class EmulatorDriver(NodeEmulator emulator) : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken) => emulator.RunAsync(stoppingToken);
}
