using GpuPool.Contracts;
using GpuPool.Operator.Scheduling;
using k8s.Models;

namespace GpuPool.Operator.Fitting;

/// <summary>Reads a Node and the live pods on it into <see cref="NodeFacts"/>.</summary>
public static class NodeFactsReader
{
    private static readonly HashSet<string> _blockingEffects = new(StringComparer.Ordinal) { "NoSchedule", "NoExecute" };

    /// <param name="node">The node.</param>
    /// <param name="podsOnNode">Its non-terminated pods (bound to it, or the operator's own awaiting their bind).</param>
    /// <param name="inventory">Its GPU inventory as the operator reads it, or null.</param>
    /// <param name="resourcePrefix">GPU i is the extended resource "&lt;prefix&gt;-i".</param>
    public static NodeFacts Read(V1Node node, IEnumerable<V1Pod> podsOnNode, NodeInventory? inventory, string resourcePrefix)
    {
        ArgumentNullException.ThrowIfNull(node);
        ArgumentNullException.ThrowIfNull(podsOnNode);
        var ready = node.Status?.Conditions?.FirstOrDefault(c => c.Type == "Ready");
        var taints = (node.Spec?.Taints ?? [])
            .Where(t => _blockingEffects.Contains(t.Effect))
            .Select(t => new NodeTaint(t.Key, t.Value, t.Effect))
            .ToList();
        var requested = podsOnNode.Select(p => PodRequests.Of(p.Spec)).Aggregate(ResourceUse.None, ResourceUse.Add);
        return new NodeFacts(
            node.Metadata.Name,
            ready?.Status == "True",
            taints,
            PodRequests.Amounts(node.Status?.Allocatable),
            requested,
            ready?.LastHeartbeatTime is { } beat ? new DateTimeOffset(DateTime.SpecifyKind(beat, DateTimeKind.Utc)) : null,
            Unadvertised(node, inventory, resourcePrefix));
    }

    /// <summary>
    /// Healthy inventory GPUs whose resource the kubelet allocates none of. Only a node with an
    /// allocatable list is judged (every kubelet writes one).
    /// </summary>
    private static List<int> Unadvertised(V1Node node, NodeInventory? inventory, string resourcePrefix)
    {
        var allocatable = node.Status?.Allocatable;
        if (allocatable is null || inventory is null)
        {
            return [];
        }

        return [.. inventory.Gpus
            .Where(g => g.Healthy)
            .Where(g => !(allocatable.TryGetValue(GpuResources.Name(resourcePrefix, g.Index), out var units) && units.ToInt64() > 0))
            .Select(g => g.Index)];
    }
}
