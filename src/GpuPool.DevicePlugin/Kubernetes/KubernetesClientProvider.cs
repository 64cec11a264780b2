using k8s;

namespace GpuPool.DevicePlugin.Kubernetes;

/// <summary>
/// Creates the API client on first use (in-cluster config, else the kubeconfig), so a plugin
/// started without a cluster still serves the kubelet and the emulator and reports the error
/// where the API is needed.
/// </summary>
public sealed class KubernetesClientProvider : IDisposable
{
    private readonly Lazy<IKubernetes> _client = new(Create, LazyThreadSafetyMode.ExecutionAndPublication);

    public IKubernetes Client => _client.Value;

    public void Dispose()
    {
        if (_client.IsValueCreated)
        {
            _client.Value.Dispose();
        }
    }

    private static k8s.Kubernetes Create() => new(
        KubernetesClientConfiguration.IsInCluster()
            ? KubernetesClientConfiguration.InClusterConfig()
            : KubernetesClientConfiguration.BuildConfigFromConfigFile());
}
