using GpuPool.DevicePlugin.Kubelet.V1Beta1;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace GpuPool.DevicePlugin.Tests.Support;

/// <summary>A fake kubelet: a real gRPC Registration server on kubelet.sock in a temp directory.</summary>
public sealed class TestKubelet : IAsyncDisposable
{
    private readonly WebApplication _app;

    private TestKubelet(WebApplication app, RecordingRegistrationService service)
    {
        _app = app;
        Service = service;
    }

    public RecordingRegistrationService Service { get; }

    public static async Task<TestKubelet> StartAsync(string kubeletDir)
    {
        Directory.CreateDirectory(kubeletDir);
        var socket = Path.Combine(kubeletDir, "kubelet.sock");
        File.Delete(socket);
        var service = new RecordingRegistrationService();
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.Services.AddGrpc();
        builder.Services.AddSingleton(service);
        builder.WebHost.ConfigureKestrel(k => k.ListenUnixSocket(socket, o => o.Protocols = HttpProtocols.Http2));
        var app = builder.Build();
        app.MapGrpcService<RecordingRegistrationService>();
        await app.StartAsync();
        return new TestKubelet(app, service);
    }

    public async Task<RegisterRequest> NextRegistrationAsync()
    {
        using var timeout = new CancellationTokenSource(Eventually.Timeout);
        return await Service.Requests.Reader.ReadAsync(timeout.Token);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
