using GpuPool.DevicePlugin.Devices;
using GpuPool.DevicePlugin.Emulator;
using GpuPool.DevicePlugin.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

namespace GpuPool.Cli.Tests.Support;

/// <summary>
/// The device plugin in simulated mode (with its shipped co-run model) on a temp emulator socket,
/// its clock a <see cref="FakeTimeProvider"/> the test moves. No kubelet: registration just retries.
/// </summary>
public sealed class EmulatorHost : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly string _directory;
    private readonly bool _ownsDirectory;

    private EmulatorHost(WebApplication app, string directory, bool ownsDirectory, FakeTimeProvider time)
    {
        _app = app;
        _directory = directory;
        _ownsDirectory = ownsDirectory;
        Time = time;
    }

    public FakeTimeProvider Time { get; }

    public string Socket => Path.Combine(_directory, "emulator.sock");

    public IReadOnlyList<GpuDevice> Gpus => _app.Services.GetRequiredService<DeviceInventory>().Devices;

    public int JobsOn(string uuid) => _app.Services.GetRequiredService<NodeEmulator>().Gpus().Single(g => g.Device.Uuid == uuid).Jobs;

    /// <summary>Starts the plugin; in <paramref name="directory"/> (left in place) to stand for a restart of one that stopped there.</summary>
    public static async Task<EmulatorHost> StartAsync(string? directory = null)
    {
        var owns = directory is null;
        directory ??= Path.Combine(Path.GetTempPath(), "gpc-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(directory);
        var time = new FakeTimeProvider();
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = [] });
        builder.Logging.ClearProviders();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["GpuPool:DevicePlugin:Mode"] = "simulated",
            ["GpuPool:DevicePlugin:NodeName"] = "node-a",
            ["GpuPool:DevicePlugin:KubeletSocketDir"] = Path.Combine(directory, "kubelet"),
            ["GpuPool:DevicePlugin:EmulatorSocket"] = Path.Combine(directory, "emulator.sock"),
            ["GpuPool:DevicePlugin:HttpPort"] = "0",
            ["GpuPool:DevicePlugin:PlacementKey"] = "cli-test-placement-key-0123456789abcdef",
        });
        builder.AddGpuPoolDevicePlugin();
        builder.Services.AddSingleton<TimeProvider>(time);
        var app = builder.Build();
        app.MapGpuPoolDevicePlugin();
        await app.StartAsync();
        return new EmulatorHost(app, directory, owns, time);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        if (_ownsDirectory)
        {
            Directory.Delete(_directory, recursive: true);
        }
    }
}
