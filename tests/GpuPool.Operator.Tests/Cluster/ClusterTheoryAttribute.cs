namespace GpuPool.Operator.Tests.Cluster;

/// <summary>
/// A table-driven test against a real kube-apiserver named by env GPUPOOL_TEST_KUBECONFIG; reported as
/// skipped, with the reason, when the variable is not set (never passed silently).
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class ClusterTheoryAttribute : TheoryAttribute
{
    private const string Variable = ClusterFactAttribute.Variable;

    public ClusterTheoryAttribute()
    {
        if (string.IsNullOrEmpty(Environment.GetEnvironmentVariable(Variable)))
        {
            Skip = $"{Variable} is not set: no kube-apiserver to test against (see docs/cluster-tests.md).";
        }
    }
}
