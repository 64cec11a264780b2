using GpuPool.DevicePlugin.Options;
using Microsoft.Extensions.Options;

namespace GpuPool.DevicePlugin.Mps;

/// <summary>Real GPUs: the MPS control daemon is up while its control socket accepts a connection.</summary>
public sealed class MpsControlSocketProbe(IOptions<DevicePluginOptions> options) : IMpsDaemonProbe
{
    public Task<MpsDaemonHealth> ProbeAsync(CancellationToken cancellationToken) =>
        UnixSocketProbe.ConnectAsync(MpsPaths.ControlSocket(options.Value.MpsDirectory), cancellationToken);
}
