using System.Globalization;
using System.Text.Json;
using GpuPool.Contracts.Inventory;
using GpuPool.DevicePlugin.Inventory;
using GpuPool.DevicePlugin.Options;
using k8s;
using k8s.Models;
using Microsoft.Extensions.Options;

namespace GpuPool.DevicePlugin.Kubernetes;

/// <summary>Merge-patches the node's labels and inventory annotation (RBAC: nodes patch).</summary>
public sealed class KubernetesNodeInventoryPublisher(KubernetesClientProvider provider, IOptions<DevicePluginOptions> options) : INodeInventoryPublisher
{
    public async Task PublishAsync(NodeInventoryDocument inventory, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(inventory);
        var patch = new
        {
            metadata = new
            {
                labels = new Dictionary<string, string>
                {
                    [NodeInventoryDocument.ModelLabel] = inventory.ModelLabelValue(),
                    [NodeInventoryDocument.CountLabel] = inventory.Count.ToString(CultureInfo.InvariantCulture),
                },
                annotations = new Dictionary<string, string> { [NodeInventoryDocument.AnnotationKey] = inventory.ToJson() },
            },
        };
        var body = new V1Patch(JsonSerializer.Serialize(patch), V1Patch.PatchType.MergePatch);
        await provider.Client.CoreV1.PatchNodeAsync(body, options.Value.NodeName, cancellationToken: cancellationToken).ConfigureAwait(false);
    }
}
