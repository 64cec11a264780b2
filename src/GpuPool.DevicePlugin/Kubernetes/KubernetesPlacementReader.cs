using System.Net;
using System.Text.Json;
using GpuPool.DevicePlugin.Allocation;
using GpuPool.Operator.Resources;
using k8s;
using k8s.Autorest;
using k8s.Models;

namespace GpuPool.DevicePlugin.Kubernetes;

/// <summary>Pods of this node and GpuJob uids from the API server (RBAC: pods list, gpujobs get).</summary>
public sealed class KubernetesPlacementReader(KubernetesClientProvider provider) : IPlacementReader
{
    public async Task<IReadOnlyList<V1Pod>> PodsOnNodeAsync(string nodeName, CancellationToken cancellationToken)
    {
        var pods = await provider.Client.CoreV1.ListPodForAllNamespacesAsync(fieldSelector: $"spec.nodeName={nodeName}", cancellationToken: cancellationToken).ConfigureAwait(false);
        return [.. pods.Items];
    }

    public async Task<string?> JobUidAsync(string namespaceName, string name, CancellationToken cancellationToken)
    {
        try
        {
            var job = (JsonElement)await provider.Client.CustomObjects.GetNamespacedCustomObjectAsync(
                GpuPoolApi.Group, GpuPoolApi.Version, namespaceName, GpuPoolApi.JobPlural, name, cancellationToken).ConfigureAwait(false);
            return job.GetProperty("metadata").GetProperty("uid").GetString();
        }
        catch (HttpOperationException e) when (e.Response.StatusCode == HttpStatusCode.NotFound)
        {
            return null;
        }
    }
}
