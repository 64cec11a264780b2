using GpuPool.Contracts.Emulator;
using GpuPool.DevicePlugin.Allocation;
using GpuPool.DevicePlugin.Devices;
using GpuPool.DevicePlugin.Emulator;
using GpuPool.DevicePlugin.Hosting;
using GpuPool.DevicePlugin.Inventory;
using GpuPool.DevicePlugin.Kubelet;
using GpuPool.DevicePlugin.Options;
using GpuPool.Emulator;
using GpuPool.Emulator.Tests.Support;
using GpuPool.Simulation.Gpus;
using Grpc.Net.Client;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace GpuPool.DevicePlugin.Tests.Support;

/// <summary>
/// The device plugin as Program.cs builds it, on temp sockets, with the Kubernetes adapter (and
/// optionally clock and co-run model) replaced by test doubles.
/// </summary>
public sealed class PluginHost : IAsyncDisposable
{
    public const string NodeName = "node-a";

    /// <summary>The placement key the host verifies with (the operator's, in a real cluster).</summary>
    public const string PlacementKey = "plugin-test-placement-key-0123456789ab";

    private readonly WebApplication _app;

    private PluginHost(WebApplication app, TempDirectory directory)
    {
        _app = app;
        Directory = directory;
    }

    public TempDirectory Directory { get; }

    public IServiceProvider Services => _app.Services;

    public DeviceInventory Inventory => Services.GetRequiredService<DeviceInventory>();

    /// <summary>The pods and GpuJobs Allocate sees.</summary>
    public FakePlacementReader Placements => Services.GetRequiredService<FakePlacementReader>();

    public static WebApplicationBuilder CreateBuilder(TempDirectory directory, IDictionary<string, string?>? settings = null)
    {
        ArgumentNullException.ThrowIfNull(directory);
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = [] });
        builder.Logging.ClearProviders();
        var configuration = new Dictionary<string, string?>
        {
            ["GpuPool:DevicePlugin:Mode"] = "simulated",
            ["GpuPool:DevicePlugin:NodeName"] = NodeName,
            ["GpuPool:DevicePlugin:KubeletSocketDir"] = directory.KubeletDir,
            ["GpuPool:DevicePlugin:EmulatorSocket"] = directory.EmulatorSocket,
            ["GpuPool:DevicePlugin:EmulatorSocketGroup"] = UnixFileOwner.CurrentGroup.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["GpuPool:DevicePlugin:MpsDirectory"] = directory.MpsDirectory,
            ["GpuPool:DevicePlugin:HttpPort"] = "0",
            ["GpuPool:DevicePlugin:HealthPollSeconds"] = "3600",
            ["GpuPool:DevicePlugin:PlacementKey"] = PlacementKey,
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            configuration[key] = value;
        }

        builder.Configuration.AddInMemoryCollection(configuration);
        builder.AddGpuPoolDevicePlugin();
        builder.Services.AddSingleton<INodeInventoryPublisher>(new RecordingNodeInventoryPublisher());
        builder.Services.AddSingleton<FakePlacementReader>();
        builder.Services.AddSingleton<IPlacementReader>(sp => sp.GetRequiredService<FakePlacementReader>());
        return builder;
    }

    public static async Task<PluginHost> StartAsync(
        TempDirectory directory,
        IDictionary<string, string?>? settings = null,
        TimeProvider? timeProvider = null,
        ICoRunModel? coRunModel = null,
        IProcessRunner? processRunner = null)
    {
        var builder = CreateBuilder(directory, settings);
        if (timeProvider is not null)
        {
            builder.Services.AddSingleton(timeProvider);
        }

        // Real mode: nvidia-smi's answers.
        if (processRunner is not null)
        {
            builder.Services.AddSingleton(processRunner);
        }

        builder.Services.AddSingleton(sp => new EmulatedGpuFactory(
            SimulatedGpuModel.From(sp.GetRequiredService<IOptions<DevicePluginOptions>>().Value.Simulated),
            coRunModel ?? new TableCoRunModel(new Dictionary<(string, string), (double, double)>())));
        var app = builder.Build();
        app.MapGpuPoolDevicePlugin();
        await app.StartAsync();
        return new PluginHost(app, directory);
    }

    /// <summary>A channel to the plugin server of GPU <paramref name="gpuIndex"/>'s resource.</summary>
    public GrpcChannel PluginChannel(int gpuIndex) => UnixSocketChannel.Create(Directory.PluginSocket(gpuIndex));

    public GrpcChannel EmulatorChannel() => UnixSocketChannel.Create(Directory.EmulatorSocket);

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
