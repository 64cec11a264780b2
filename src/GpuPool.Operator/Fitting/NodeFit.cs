using System.Globalization;
using GpuPool.Operator.Resources;

namespace GpuPool.Operator.Fitting;

/// <summary>
/// The checks kube-scheduler makes before it binds (the operator binds directly, so it makes them
/// itself), pure: the node is Ready, its GPU inventory is fresh, the pod tolerates its NoSchedule
/// and NoExecute taints, and the pod's CPU and memory requests fit what the node allocates minus
/// what the pods on it (and this window's earlier placements) request. A request of zero always
/// fits, as in kube-scheduler.
/// </summary>
public static class NodeFit
{
    /// <summary>Every reason <see cref="Check"/> gives.</summary>
    public static IReadOnlySet<string> Reasons { get; } = new HashSet<string>(StringComparer.Ordinal)
    {
        ConditionReasons.NodeNotReady, ConditionReasons.InventoryStale, ConditionReasons.Taint, ConditionReasons.InsufficientCpu, ConditionReasons.InsufficientMemory,
    };

    /// <summary>The first check the node fails for this pod, or null when it would be admitted.</summary>
    public static NodeMisfit? Check(NodeFacts node, PodDemand pod, ResourceUse placed, DateTimeOffset now, TimeSpan inventoryMaxAge)
    {
        ArgumentNullException.ThrowIfNull(node);
        ArgumentNullException.ThrowIfNull(pod);
        NodeMisfit Misfit(string reason, string message) => new(node.Name, reason, $"node {node.Name}: {message}");

        if (!node.Ready)
        {
            return Misfit(ConditionReasons.NodeNotReady, "its Ready condition is not True");
        }

        if (node.UnadvertisedGpus.Count > 0)
        {
            return Misfit(ConditionReasons.InventoryStale, $"the GPU inventory lists GPU {string.Join(", ", node.UnadvertisedGpus)} as healthy but the kubelet allocates none of it (device plugin not registered)");
        }

        if (inventoryMaxAge > TimeSpan.Zero && node.StatusReportedAt is { } reported && now - reported > inventoryMaxAge)
        {
            return Misfit(ConditionReasons.InventoryStale, $"its kubelet last reported status (and the GPU resources in it) at {reported.UtcDateTime.ToString("O", CultureInfo.InvariantCulture)}, more than {inventoryMaxAge.TotalSeconds:0} s ago");
        }

        if (node.Taints.FirstOrDefault(t => !pod.Tolerations.Any(tol => tol.Tolerates(t))) is { } taint)
        {
            return Misfit(ConditionReasons.Taint, $"taint {taint} is not tolerated by the job's pod template");
        }

        var used = node.Requested + placed;
        var want = pod.Requests;
        if (want.MilliCpu > 0 && used.MilliCpu + want.MilliCpu > node.Allocatable.MilliCpu)
        {
            return Misfit(ConditionReasons.InsufficientCpu, $"the pod requests {want.MilliCpu}m CPU, {Math.Max(0, node.Allocatable.MilliCpu - used.MilliCpu)}m of {node.Allocatable.MilliCpu}m allocatable is free");
        }

        if (want.MemoryBytes > 0 && used.MemoryBytes + want.MemoryBytes > node.Allocatable.MemoryBytes)
        {
            return Misfit(ConditionReasons.InsufficientMemory, $"the pod requests {want.MemoryBytes} bytes of memory, {Math.Max(0, node.Allocatable.MemoryBytes - used.MemoryBytes)} of {node.Allocatable.MemoryBytes} allocatable is free");
        }

        return null;
    }
}
