using k8s.Models;

namespace GpuPool.Operator.Scheduling;

/// <summary>
/// A bound pod the node ended before any of its containers ran: the kubelet refused it at admission
/// (a GPU's units taken by a pod the operator had not seen yet, a device plugin that was restarting)
/// or evicted it before start. Nothing of the job ran, so it can be placed again.
/// </summary>
public sealed record NodeRefusal(string Node, string Reason, string Message)
{
    public static NodeRefusal? Of(V1Pod pod)
    {
        ArgumentNullException.ThrowIfNull(pod);
        var node = pod.Spec?.NodeName;
        if (pod.Status?.Phase != "Failed" || string.IsNullOrEmpty(node))
        {
            return null;
        }

        var containers = (pod.Status.InitContainerStatuses ?? []).Concat(pod.Status.ContainerStatuses ?? []);
        var ran = containers.Any(c => c.State?.Running is not null || c.State?.Terminated is not null || c.LastState?.Terminated is not null);
        return ran ? null : new NodeRefusal(node, pod.Status.Reason ?? "Failed", pod.Status.Message ?? string.Empty);
    }

    public string Describe() =>
        Message.Length > 0 ? $"Node {Node} refused the pod before it ran ({Reason}: {Message})." : $"Node {Node} refused the pod before it ran ({Reason}).";
}
