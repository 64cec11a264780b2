namespace GpuPool.Operator.Tests.Cluster;

/// <summary>
/// A test against a real kube-apiserver named by env GPUPOOL_TEST_KUBECONFIG; reported as
/// skipped, with the reason, when the variable is not set (never passed silently).
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class ClusterFactAttribute : FactAttribute
{
    public const string Variable = "GPUPOOL_TEST_KUBECONFIG";

    public ClusterFactAttribute()
    {
        if (string.IsNullOrEmpty(Environment.GetEnvironmentVariable(Variable)))
        {
            Skip = $"{Variable} is not set: no kube-apiserver to test against (see docs/cluster-tests.md).";
        }
    }
}
