namespace GpuPool.Node.Tests;

/// <summary>
/// A test on the real node that e2e/node/up.sh brings up (kubelet + containerd), named by env
/// GPUPOOL_NODE_ENV (the node.env file up.sh writes); reported as skipped, with the reason,
/// when the variable is not set (never passed silently).
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class NodeFactAttribute : FactAttribute
{
    public NodeFactAttribute()
    {
        if (string.IsNullOrEmpty(Environment.GetEnvironmentVariable(NodeEnvironment.Variable)))
        {
            Skip = $"{NodeEnvironment.Variable} is not set: no real node to test on (make node-up; see docs/cluster-tests.md).";
        }
    }
}
