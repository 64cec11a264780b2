using GpuPool.DevicePlugin.Allocation;
using GpuPool.DevicePlugin.Devices;
using GpuPool.DevicePlugin.Emulator;
using GpuPool.DevicePlugin.Inventory;
using GpuPool.DevicePlugin.Kubelet;
using GpuPool.DevicePlugin.Kubernetes;
using GpuPool.DevicePlugin.Options;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace GpuPool.DevicePlugin.Hosting;

/// <summary>Wires the device plugin into a web host: options, devices, kubelet plugin, emulator, health.</summary>
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

        // 3. Kubernetes adapters: pod annotations for Allocate, node inventory publishing.
        services.AddSingleton<KubernetesClientProvider>();
        services.AddSingleton<IPodAnnotationSource, KubernetesPodAnnotationSource>();
        services.AddSingleton<INodeInventoryPublisher, KubernetesNodeInventoryPublisher>();
        services.AddHostedService<NodeInventoryPublishing>();

        // 4. The kubelet plugin: service, restartable server, registration lifecycle.
        services.AddSingleton<AllocationClaims>();
        services.AddSingleton<ContainerAllocationBuilder>();
        services.AddSingleton<DevicePluginService>();
        services.AddSingleton<PluginServer>();
        services.AddSingleton<KubeletRegistrar>();
        services.AddSingleton<RegistrationState>();
        services.AddHostedService<PluginLifecycle>();

        // 5. The emulator (simulated mode) and the HTTP side.
        var configured = ConfiguredOptions(builder.Configuration);
        if (configured.IsSimulated)
        {
            services.AddSingleton<NodeEmulator>();
            services.AddHostedService<EmulatorDriver>();
        }

        services.AddGrpc();
        services.AddHealthChecks().AddCheck<PluginHealthCheck>("device-plugin");
        builder.WebHost.ConfigureKestrel((context, kestrel) =>
        {
            var options = ConfiguredOptions(context.Configuration);
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
        if (app.Services.GetRequiredService<IOptions<DevicePluginOptions>>().Value.IsSimulated)
        {
            app.MapGrpcService<GpuEmulatorService>();
        }

        return app;
    }

    // Read before the container exists, for decisions the host makes while being built; the same
    // values are validated at start through IOptions.
    private static DevicePluginOptions ConfiguredOptions(IConfiguration configuration) =>
        configuration.GetSection(DevicePluginOptions.Section).Get<DevicePluginOptions>() ?? new DevicePluginOptions();

    private static void ListenOnFreshSocket(KestrelServerOptions kestrel, string socketPath)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(socketPath)!);

        // A socket file left by an earlier run makes listening fail with "address already in use".
        File.Delete(socketPath);
        kestrel.ListenUnixSocket(socketPath, o => o.Protocols = HttpProtocols.Http2);
    }
}
