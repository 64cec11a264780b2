namespace GpuPool.DevicePlugin.Tests.Support;

/// <summary>A registered plugin in real mode: one scripted nvidia-smi GPU, MPS folder in a temp directory.</summary>
public sealed class RealGpuHost : IAsyncDisposable
{
    public const string Uuid = "GPU-real-0";

    private readonly TestKubelet _kubelet;

    private RealGpuHost(TestKubelet kubelet, PluginHost host)
    {
        _kubelet = kubelet;
        Host = host;
    }

    public PluginHost Host { get; }

    public static async Task<RealGpuHost> StartAsync()
    {
        var directory = new TempDirectory();
        var kubelet = await TestKubelet.StartAsync(directory.KubeletDir);
        var host = await PluginHost.StartAsync(
            directory,
            new Dictionary<string, string?> { ["GpuPool:DevicePlugin:Mode"] = "real" },
            processRunner: new ScriptedProcessRunner($"0, {Uuid}, Tesla V100-SXM2-32GB, 32768, 0\n"));
        await kubelet.NextRegistrationAsync();
        return new RealGpuHost(kubelet, host);
    }

    public async ValueTask DisposeAsync()
    {
        await Host.DisposeAsync();
        Host.Directory.Dispose();
        await _kubelet.DisposeAsync();
    }
}
