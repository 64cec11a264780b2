using System.Net.Sockets;

namespace GpuPool.DevicePlugin.Mps;

/// <summary>
/// Connects to a unix socket and hangs up: a listening daemon accepts, a dead one leaves a socket
/// file nobody listens on (connection refused) or none at all. Nothing is sent, so the daemon only
/// sees a client that left.
/// </summary>
public static class UnixSocketProbe
{
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(2);

    public static async Task<MpsDaemonHealth> ConnectAsync(string path, CancellationToken cancellationToken)
    {
        if (!File.Exists(path))
        {
            return new MpsDaemonHealth(false, $"no socket at {path}");
        }

        using var socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(Timeout);
        try
        {
            await socket.ConnectAsync(new UnixDomainSocketEndPoint(path), timeout.Token).ConfigureAwait(false);
            return new MpsDaemonHealth(true, $"accepting on {path}");
        }
        catch (SocketException e)
        {
            return new MpsDaemonHealth(false, $"{path}: {e.SocketErrorCode}");
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return new MpsDaemonHealth(false, $"{path}: no answer within {Timeout.TotalSeconds:0} s");
        }
    }
}
