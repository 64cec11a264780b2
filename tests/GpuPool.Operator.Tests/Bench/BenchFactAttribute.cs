namespace GpuPool.Operator.Tests.Bench;

/// <summary>A bench, not a test: runs only when GPUPOOL_BENCH=1 and prints numbers; never asserts on time.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class BenchFactAttribute : FactAttribute
{
    public BenchFactAttribute(bool needsApiServer = false)
    {
        if (Environment.GetEnvironmentVariable("GPUPOOL_BENCH") != "1")
        {
            Skip = "bench: set GPUPOOL_BENCH=1 to run it";
        }
        else if (needsApiServer && string.IsNullOrEmpty(Environment.GetEnvironmentVariable(Cluster.ClusterFactAttribute.Variable)))
        {
            Skip = $"bench against an API server: {Cluster.ClusterFactAttribute.Variable} is not set";
        }
    }
}
