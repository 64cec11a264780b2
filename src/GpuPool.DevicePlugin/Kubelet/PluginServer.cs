using GpuPool.DevicePlugin.Options;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace GpuPool.DevicePlugin.Kubelet;

/// <summary>
/// The gRPC server of one GPU's resource on its socket in the kubelet directory. It is a separate,
/// restartable Kestrel instance because a restarting kubelet deletes every socket there and the
/// plugin must listen anew, and one per GPU because the kubelet tells a resource by its socket.
/// </summary>
public sealed class PluginServer(DevicePluginService service, ILoggerFactory loggerFactory, IOptions<DevicePluginOptions> options) : IAsyncDisposable
{
    private WebApplication? _app;

    public DevicePluginService Service => service;

    public string SocketName => KubeletApi.PluginSocketName(service.GpuIndex);

    public string SocketPath => Path.Combine(options.Value.KubeletSocketDir, SocketName);

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await StopAsync().ConfigureAwait(false);
        Directory.CreateDirectory(options.Value.KubeletSocketDir);

        // A socket file left by an earlier run makes listening fail with "address already in use".
        File.Delete(SocketPath);
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { Args = [] });
        builder.Services.Replace(ServiceDescriptor.Singleton(loggerFactory));

        // The outer host owns the process lifetime and its messages; this server only listens.
        builder.Services.Configure<ConsoleLifetimeOptions>(o => o.SuppressStatusMessages = true);
        builder.Services.AddGrpc();
        builder.Services.AddSingleton(service);
        builder.WebHost.ConfigureKestrel(k => k.ListenUnixSocket(SocketPath, o => o.Protocols = HttpProtocols.Http2));
        var app = builder.Build();
        app.MapGrpcService<DevicePluginService>();
        await app.StartAsync(cancellationToken).ConfigureAwait(false);
        _app = app;
    }

    public async Task StopAsync()
    {
        if (_app is { } app)
        {
            _app = null;

            // Open ListAndWatch streams end here; the kubelet reconnects after the new registration.
            using var grace = new CancellationTokenSource(TimeSpan.FromSeconds(2));
            await app.StopAsync(grace.Token).ConfigureAwait(false);
            await app.DisposeAsync().ConfigureAwait(false);
        }
    }

    public async ValueTask DisposeAsync() => await StopAsync().ConfigureAwait(false);
}
