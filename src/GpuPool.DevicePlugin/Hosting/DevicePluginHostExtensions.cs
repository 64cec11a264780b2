using GpuPool.DevicePlugin.Allocation;
using GpuPool.DevicePlugin.Devices;
using GpuPool.DevicePlugin.Emulator;
using GpuPool.DevicePlugin.Inventory;
using GpuPool.DevicePlugin.Kubelet;
using GpuPool.DevicePlugin.Kubernetes;
using GpuPool.DevicePlugin.Mps;
using GpuPool.DevicePlugin.Options;
using GpuPool.DevicePlugin.Telemetry;
using GpuPool.Emulator;
using GpuPool.Operator.Kubernetes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Prometheus;

namespace GpuPool.DevicePlugin.Hosting;

/// <summary>Wires the device plugin into a web host: options, devices, kubelet plugin, emulator, health, metrics.</summary>
public static class DevicePluginHostExtensions
{
    public static WebApplicationBuilder AddGpuPoolDevicePlugin(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;

        // 1. Options: bound, NODE_NAME as default, validated before anything starts.
        services.AddOptions<DevicePluginOptions>()
            .BindConfiguration(DevicePluginOptions.Section)
            .PostConfigure<IConfiguration>((o, configuration) => o.NodeName = o.NodeName.Length > 0 ? o.NodeName : configuration["NODE_NAME"] ?? "")
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<DevicePluginOptions>, DevicePluginOptionsValidator>();
        services.TryAddSingleton(TimeProvider.System);

        // 2. Devices: simulated or nvidia-smi, polled for health.
        services.AddSingleton<IProcessRunner, ProcessRunner>();
        services.AddSingleton<SimulatedGpuDeviceSource>();
        services.AddSingleton<NvidiaSmiGpuDeviceSource>();
        services.AddSingleton<IGpuDeviceSource>(sp => sp.GetRequiredService<IOptions<DevicePluginOptions>>().Value.IsSimulated
            ? sp.GetRequiredService<SimulatedGpuDeviceSource>()
            : sp.GetRequiredService<NvidiaSmiGpuDeviceSource>());
        services.AddSingleton<DeviceInventory>();
        services.AddHostedService<DeviceHealthMonitor>();

        // 3. Kubernetes adapter: node inventory publishing, and the pods Allocate checks.
        services.AddSingleton(_ => new KubernetesClientProvider(() => new k8s.Kubernetes(ClusterConfiguration.Load())));
        services.AddSingleton<INodeInventoryPublisher, KubernetesNodeInventoryPublisher>();
        services.TryAddSingleton<IPlacementReader, KubernetesPlacementReader>();
        services.AddHostedService<NodeInventoryPublishing>();

        // 4. The kubelet plugin: one restartable server per GPU resource, registration lifecycle.
        services.AddSingleton<ContainerAllocationBuilder>();
        services.AddSingleton<PlacementGuard>();
        services.AddSingleton<PluginServerFactory>();
        services.AddSingleton<KubeletRegistrar>();
        services.AddSingleton<RegistrationState>();
        services.AddHostedService<PluginLifecycle>();

        // 5. The emulator (simulated mode) and the HTTP side.
        // Decided while the container is built; the same value is validated at start.
        var configured = builder.Configuration.GetSection(DevicePluginOptions.Section).Get<DevicePluginOptions>() ?? new DevicePluginOptions();
        if (configured.IsSimulated)
        {
            // The calibrated contention model with its shipped parameters: needs no data at run time.
            services.TryAddSingleton(sp => EmulatedGpuFactory.Calibrated(
                SimulatedGpuModel.From(sp.GetRequiredService<IOptions<DevicePluginOptions>>().Value.Simulated)));
            services.AddSingleton<NodeEmulator>();
            services.AddHostedService<EmulatorDriver>();
        }

        services.AddSingleton<MpsControlSocketProbe>();
        services.AddSingleton<EmulatorSocketProbe>();
        services.AddSingleton<IMpsDaemonProbe>(sp => sp.GetRequiredService<IOptions<DevicePluginOptions>>().Value.IsSimulated
            ? sp.GetRequiredService<EmulatorSocketProbe>()
            : sp.GetRequiredService<MpsControlSocketProbe>());

        services.AddGrpc();
        services.AddHealthChecks()
            .AddCheck<PluginHealthCheck>("device-plugin")
            .AddCheck<MpsDaemonHealthCheck>("mps-daemon");
        services.AddSingleton(_ => new DevicePluginMetrics(Metrics.NewCustomRegistry()));
        services.AddSingleton<DevicePluginMetricsRefresher>();

        // Through IOptions, so a bad socket path or port fails validation naming the field first.
        services.AddOptions<KestrelServerOptions>().Configure<IOptions<DevicePluginOptions>>((kestrel, validated) =>
        {
            var options = validated.Value;
            kestrel.ListenAnyIP(options.HttpPort, o => o.Protocols = HttpProtocols.Http1);
            if (options.IsSimulated)
            {
                ListenOnFreshSocket(kestrel, options.EmulatorSocket);
            }
        });
        return builder;
    }

    public static WebApplication MapGpuPoolDevicePlugin(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.MapHealthChecks("/healthz");
        var options = app.Services.GetRequiredService<IOptions<DevicePluginOptions>>().Value;

        // Prometheus finds it on the HTTP port through the chart's prometheus.io/* pod annotations.
        app.Services.GetRequiredService<DevicePluginMetricsRefresher>().Attach();
        app.MapMetrics("/metrics", app.Services.GetRequiredService<DevicePluginMetrics>().Registry);
        if (options.IsSimulated)
        {
            app.MapGrpcService<GpuEmulatorService>();

            // Kestrel creates the socket with the process umask; job containers run as non-root
            // users, so it is opened to its group (0660) once it exists, and to nobody else.
            app.Lifetime.ApplicationStarted.Register(() =>
            {
                if (!OperatingSystem.IsWindows())
                {
                    EmulatorSocketPermissions.Apply(options.EmulatorSocket, options.EmulatorSocketGroup);
                }
            });
        }

        return app;
    }

    private static void ListenOnFreshSocket(KestrelServerOptions kestrel, string socketPath)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(socketPath)!);

        // A socket file left by an earlier run makes listening fail with "address already in use".
        File.Delete(socketPath);
        kestrel.ListenUnixSocket(socketPath, o => o.Protocols = HttpProtocols.Http2);
    }
}
