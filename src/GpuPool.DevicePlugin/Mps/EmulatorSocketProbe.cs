using GpuPool.DevicePlugin.Options;
using Microsoft.Extensions.Options;

namespace GpuPool.DevicePlugin.Mps;

/// <summary>
/// Simulated mode: the GPU emulator plays the MPS daemon's part (it enforces each job's share), so
/// it is up while the socket jobs dial accepts a connection, the same check as on real GPUs.
/// </summary>
public sealed class EmulatorSocketProbe(IOptions<DevicePluginOptions> options) : IMpsDaemonProbe
{
    public Task<MpsDaemonHealth> ProbeAsync(CancellationToken cancellationToken) =>
        UnixSocketProbe.ConnectAsync(options.Value.EmulatorSocket, cancellationToken);
}
