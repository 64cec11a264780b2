using k8s;

namespace GpuPool.Operator.Kubernetes;

/// <summary>
/// Where the API client's configuration comes from: in a cluster its service account, else the
/// kubeconfig named by KUBECONFIG (the kubectl convention), else ~/.kube/config. Compiled into the
/// device plugin as well, so both components find the cluster the same way.
/// </summary>
internal static class ClusterConfiguration
{
    public const string KubeconfigVariable = "KUBECONFIG";

    public static KubernetesClientConfiguration Load() => Load(Environment.GetEnvironmentVariable);

    public static KubernetesClientConfiguration Load(Func<string, string?> environment)
    {
        ArgumentNullException.ThrowIfNull(environment);
        return KubernetesClientConfiguration.IsInCluster()
            ? KubernetesClientConfiguration.InClusterConfig()
            : KubernetesClientConfiguration.BuildConfigFromConfigFile(environment(KubeconfigVariable) is { Length: > 0 } path ? path : null);
    }
}
