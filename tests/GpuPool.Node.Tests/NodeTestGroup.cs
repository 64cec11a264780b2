namespace GpuPool.Node.Tests;

/// <summary>The Node tests share one node, one device plugin and one operator, and run one at a time.</summary>
[CollectionDefinition(Name)]
public sealed class NodeTestGroup : ICollectionFixture<NodeFixture>
{
    public const string Name = "Node";
}
