namespace GpuPool.Operator.Tests.Cluster;

/// <summary>Cluster tests share one API server fixture and run one at a time.</summary>
[CollectionDefinition(Name)]
public sealed class ClusterTestGroup : ICollectionFixture<ApiServerFixture>
{
    public const string Name = "cluster";
}
