using GpuPool.Contracts.Emulator;
using GpuPool.DevicePlugin.Kubelet.V1Beta1;
using Microsoft.Extensions.Options;
using DevicePluginOptions = GpuPool.DevicePlugin.Options.DevicePluginOptions;

namespace GpuPool.DevicePlugin.Kubelet;

/// <summary>Checks that a GPU's plugin socket answers, then registers its resource with the kubelet.</summary>
public sealed class KubeletRegistrar(IOptions<DevicePluginOptions> options)
{
    private static readonly TimeSpan CallTimeout = TimeSpan.FromSeconds(5);

    public string KubeletSocketPath => Path.Combine(options.Value.KubeletSocketDir, KubeletApi.KubeletSocketName);

    /// <summary>Dials the plugin socket as the kubelet will, so a registration never points at a dead server.</summary>
    public static async Task CheckServingAsync(string pluginSocketPath, CancellationToken cancellationToken)
    {
        using var channel = UnixSocketChannel.Create(pluginSocketPath);
        var client = new V1Beta1.DevicePlugin.DevicePluginClient(channel);
        await client.GetDevicePluginOptionsAsync(new Empty(), deadline: DateTime.UtcNow + CallTimeout, cancellationToken: cancellationToken);
    }

    public async Task RegisterAsync(PluginServer server, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(server);
        using var channel = UnixSocketChannel.Create(KubeletSocketPath);
        var client = new Registration.RegistrationClient(channel);
        var request = new RegisterRequest
        {
            Version = KubeletApi.Version,
            Endpoint = server.SocketName,
            ResourceName = server.Service.ResourceName,
            Options = DevicePluginService.Options,
        };
        await client.RegisterAsync(request, deadline: DateTime.UtcNow + CallTimeout, cancellationToken: cancellationToken);
    }
}
