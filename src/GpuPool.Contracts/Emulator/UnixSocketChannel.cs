using System.Net.Sockets;
using Grpc.Net.Client;

namespace GpuPool.Contracts.Emulator;

/// <summary>
/// A gRPC channel to a server listening on a unix socket. The emulator is reached only that way
/// (sim-run dials the socket the device plugin mounts into its pod), so the dialer belongs to its
/// contract; the device plugin dials the kubelet's and its own sockets with it too.
/// </summary>
public static class UnixSocketChannel
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
