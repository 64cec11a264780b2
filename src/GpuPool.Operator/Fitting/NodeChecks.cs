namespace GpuPool.Operator.Fitting;

/// <summary>
/// The node facts of one snapshot with the time they were read and the inventory's age bound, so
/// the planner can ask <see cref="NodeFit"/> about any node by name. A node it has no facts for
/// is not checked.
/// </summary>
public sealed class NodeChecks(IReadOnlyDictionary<string, NodeFacts> nodes, DateTimeOffset now, TimeSpan inventoryMaxAge)
{
    /// <summary>No facts: every node fits (a planner test that is not about nodes).</summary>
    public static NodeChecks None { get; } = new(new Dictionary<string, NodeFacts>(), DateTimeOffset.MinValue, TimeSpan.Zero);

    public NodeMisfit? Check(string node, PodDemand pod, ResourceUse placed) =>
        nodes.TryGetValue(node, out var facts) ? NodeFit.Check(facts, pod, placed, now, inventoryMaxAge) : null;
}
