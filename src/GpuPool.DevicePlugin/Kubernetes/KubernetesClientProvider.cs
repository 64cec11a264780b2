using GpuPool.Operator.Kubernetes;
using k8s;

namespace GpuPool.DevicePlugin.Kubernetes;

/// <summary>
/// Creates the API client on first use (the plugin connects with <see cref="ClusterConfiguration"/>,
/// a test with its own server's client), so a plugin started without a cluster still serves the
/// kubelet and the emulator and reports the error where the API is needed. A failed creation is not
/// remembered: the next call tries again.
/// </summary>
public sealed class KubernetesClientProvider(Func<IKubernetes> connect) : IDisposable
{
    private readonly Lock _gate = new();
    private IKubernetes? _client;

    public IKubernetes Client
    {
        get
        {
            lock (_gate)
            {
                return _client ??= connect();
            }
        }
    }

    public void Dispose()
    {
        lock (_gate)
        {
            _client?.Dispose();
            _client = null;
        }
    }
}
