using GpuPool.Contracts;
using GpuPool.Core.Gpus;
using k8s.Models;

namespace GpuPool.Operator.Scheduling;

/// <summary>
/// The GPU units a pod holds on its node: its "&lt;prefix&gt;-&lt;index&gt;" limits (requests when no
/// limit is given), whoever created the pod. This is what the kubelet admits against, so it is
/// what a GPU's free share is counted from.
/// </summary>
public static class PodGpuRequests
{
    /// <summary>Units per GPU of the pod's node; empty when the pod is on no node yet or asks for no GPU.</summary>
    public static IReadOnlyDictionary<GpuId, int> Of(V1Pod pod, string resourcePrefix)
    {
        ArgumentNullException.ThrowIfNull(pod);
        var node = NodeOf(pod);
        if (node is null)
        {
            return new Dictionary<GpuId, int>();
        }

        // The kubelet admits a pod on the larger of its containers' sum and its largest init container.
        var running = Units(pod.Spec?.Containers, resourcePrefix).GroupBy(u => u.Index).ToDictionary(g => g.Key, g => g.Sum(u => u.Units));
        foreach (var (index, units) in Units(pod.Spec?.InitContainers, resourcePrefix))
        {
            running[index] = Math.Max(running.GetValueOrDefault(index), units);
        }

        return running.ToDictionary(r => new GpuId(node, r.Key), r => r.Value);
    }

    /// <summary>The node a pod is on, or (for the operator's own pods awaiting their bind) is to be bound to.</summary>
    public static string? NodeOf(V1Pod pod)
    {
        ArgumentNullException.ThrowIfNull(pod);
        return pod.Spec?.NodeName is { Length: > 0 } node ? node : MetadataValues.Get(pod.Metadata.Annotations, PodAnnotations.Node);
    }

    private static IEnumerable<(int Index, int Units)> Units(IList<V1Container>? containers, string prefix)
    {
        foreach (var container in containers ?? [])
        {
            var resources = container.Resources?.Limits ?? container.Resources?.Requests;
            foreach (var (name, quantity) in resources ?? new Dictionary<string, ResourceQuantity>())
            {
                if (GpuResources.IndexOf(prefix, name) is { } index)
                {
                    yield return (index, (int)quantity.ToInt64());
                }
            }
        }
    }
}
