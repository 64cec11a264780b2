using GpuPool.Operator.Kubernetes;
using k8s;

namespace GpuPool.DevicePlugin.Kubernetes;

/// <summary>
/// Creates the API client on first use (see <see cref="ClusterConfiguration"/>), so a plugin
/// started without a cluster still serves the kubelet and the emulator and reports the error
/// where the API is needed. A failed creation is not remembered: the next call tries again.
/// </summary>
public sealed class KubernetesClientProvider : IDisposable
{
    private readonly Lock _gate = new();
    private k8s.Kubernetes? _client;

    public IKubernetes Client
    {
        get
        {
            lock (_gate)
            {
                return _client ??= new k8s.Kubernetes(ClusterConfiguration.Load());
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
