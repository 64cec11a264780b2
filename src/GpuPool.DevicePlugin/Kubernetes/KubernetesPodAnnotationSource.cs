using GpuPool.Core.Contracts;
using GpuPool.DevicePlugin.Allocation;
using GpuPool.DevicePlugin.Kubelet;
using GpuPool.DevicePlugin.Options;
using k8s;
using k8s.Models;
using Microsoft.Extensions.Options;

namespace GpuPool.DevicePlugin.Kubernetes;

/// <summary>Lists this node's pending pods through the API server (RBAC: pods list).</summary>
public sealed class KubernetesPodAnnotationSource(KubernetesClientProvider provider, IOptions<DevicePluginOptions> options) : IPodAnnotationSource
{
    public async Task<IReadOnlyList<PendingPod>> ListPendingAsync(CancellationToken cancellationToken)
    {
        var selector = $"spec.nodeName={options.Value.NodeName},status.phase=Pending";
        var pods = await provider.Client.CoreV1.ListPodForAllNamespacesAsync(fieldSelector: selector, cancellationToken: cancellationToken).ConfigureAwait(false);
        return pods.Items
            .Where(p => p.Metadata.Annotations?.ContainsKey(PodAnnotations.GpuIndex) == true)
            .Select(ToPendingPod)
            .ToList();
    }

    private static PendingPod ToPendingPod(V1Pod pod) => new(
        pod.Metadata.NamespaceProperty ?? "default",
        pod.Metadata.Name,
        pod.Metadata.Uid ?? pod.Metadata.Name,
        pod.Metadata.CreationTimestamp is { } created ? new DateTimeOffset(DateTime.SpecifyKind(created, DateTimeKind.Utc)) : DateTimeOffset.MinValue,
        new Dictionary<string, string>(pod.Metadata.Annotations, StringComparer.Ordinal),
        pod.Spec.Containers.Sum(GpuLimit));

    private static int GpuLimit(V1Container container) =>
        container.Resources?.Limits?.TryGetValue(KubeletApi.ResourceName, out var quantity) == true ? quantity.ToInt32() : 0;
}
