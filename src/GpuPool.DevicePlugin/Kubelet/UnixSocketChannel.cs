using System.Net.Sockets;
using Grpc.Net.Client;

namespace GpuPool.DevicePlugin.Kubelet;

/// <summary>
/// A gRPC channel to a server listening on a unix socket (the kubelet's, the plugin's, the emulator's).
/// Compiled into the CLI as well (sim-run dials the emulator), hence internal.
/// </summary>
internal static class UnixSocketChannel
{
    public static GrpcChannel Create(string socketPath)
    {
        var handler = new SocketsHttpHandler
        {
            ConnectCallback = async (_, cancellationToken) =>
            {
                var socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
                try
                {
                    await socket.ConnectAsync(new UnixDomainSocketEndPoint(socketPath), cancellationToken).ConfigureAwait(false);
                    return new NetworkStream(socket, ownsSocket: true);
                }
                catch
                {
                    socket.Dispose();
                    throw;
                }
            },
        };
        return GrpcChannel.ForAddress("http://localhost", new GrpcChannelOptions { HttpHandler = handler, DisposeHttpClient = true });
    }
}
