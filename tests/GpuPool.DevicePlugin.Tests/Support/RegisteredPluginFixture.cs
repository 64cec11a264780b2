namespace GpuPool.DevicePlugin.Tests.Support;

/// <summary>One fake kubelet and one registered plugin shared by a test class.</summary>
public sealed class RegisteredPluginFixture : IAsyncLifetime
{
    private TestKubelet? _kubelet;
    private PluginHost? _host;

    public PluginHost Host => _host ?? throw new InvalidOperationException("Fixture not started.");

    public async Task InitializeAsync()
    {
        var directory = new TempDirectory();
        _kubelet = await TestKubelet.StartAsync(directory.KubeletDir);
        _host = await PluginHost.StartAsync(directory);
        // One registration per simulated GPU (two by default); each GPU's server is up before its own.
        await _kubelet.NextRegistrationAsync();
        await _kubelet.NextRegistrationAsync();
    }

    public async Task DisposeAsync()
    {
        if (_host is not null)
        {
            await _host.DisposeAsync();
            _host.Directory.Dispose();
        }

        if (_kubelet is not null)
        {
            await _kubelet.DisposeAsync();
        }
    }
}
