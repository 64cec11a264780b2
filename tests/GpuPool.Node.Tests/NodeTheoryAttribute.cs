namespace GpuPool.Node.Tests;

/// <summary>The [Theory] form of <see cref="NodeFactAttribute"/>: skipped, with the reason, without a node.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class NodeTheoryAttribute : TheoryAttribute
{
    public NodeTheoryAttribute()
    {
        if (string.IsNullOrEmpty(Environment.GetEnvironmentVariable(NodeEnvironment.Variable)))
        {
            Skip = $"{NodeEnvironment.Variable} is not set: no real node to test on (make node-up; see docs/cluster-tests.md).";
        }
    }
}
