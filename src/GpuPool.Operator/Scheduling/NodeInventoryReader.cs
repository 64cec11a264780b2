using System.Globalization;
using System.Text.Json;
using GpuPool.Contracts;
using GpuPool.Contracts.Inventory;
using GpuPool.Core.Gpus;
using k8s.Models;

namespace GpuPool.Operator.Scheduling;

/// <summary>
/// Reads a node's GPU inventory: the gpupool.io/gpu-inventory annotation when present, else the
/// gpupool.io/gpu-model and gpu-count labels with the per-GPU extended resources in its capacity.
/// </summary>
public static class NodeInventoryReader
{
    /// <summary>The inventory, or null when the node has no GPUs for us (or is cordoned); <paramref name="problem"/> says why a node was skipped or defaulted.</summary>
    public static NodeInventory? Read(V1Node node, string resourcePrefix, out string? problem)
    {
        ArgumentNullException.ThrowIfNull(node);
        problem = null;
        var name = node.Metadata.Name;
        if (node.Spec?.Unschedulable == true)
        {
            return null;
        }

        var annotations = node.Metadata.Annotations;
        if (annotations is not null && annotations.TryGetValue(NodeInventoryDocument.AnnotationKey, out var json))
        {
            try
            {
                var doc = NodeInventoryDocument.Parse(json) ?? throw new JsonException("empty document");
                var model = Model(doc.Model ?? "V100", doc.SmCount, doc.MemoryMiB);
                var gpus = doc.Gpus?.Select(g => new NodeGpu(g.Index, g.Uuid, g.Healthy)).ToList()
                    ?? [.. Enumerable.Range(0, doc.Count).Select(i => new NodeGpu(i, null, true))];
                return new NodeInventory(name, model, gpus, FromAnnotation: true);
            }
            catch (Exception e) when (e is JsonException or ArgumentException)
            {
                problem = $"node {name}: annotation {NodeInventoryDocument.AnnotationKey} is unreadable ({e.Message}); using labels and capacity";
            }
        }

        var indexes = CapacityGpus(node, resourcePrefix) ?? LabelGpus(node);
        if (indexes.Count == 0)
        {
            return null;
        }

        problem ??= $"node {name}: no {NodeInventoryDocument.AnnotationKey} annotation; {indexes.Count} GPU(s) from labels/capacity, V100 memory and SM count assumed";
        var modelName = node.Metadata.Labels?.TryGetValue(NodeInventoryDocument.ModelLabel, out var label) == true ? label : "V100";
        return new NodeInventory(name, Model(modelName, 0, 0), [.. indexes.Select(i => new NodeGpu(i, null, true))], FromAnnotation: false);
    }

    /// <summary>The indexes of the "&lt;prefix&gt;-&lt;index&gt;" resources the node advertises, or null when none.</summary>
    private static List<int>? CapacityGpus(V1Node node, string resourcePrefix)
    {
        var indexes = (node.Status?.Capacity ?? new Dictionary<string, ResourceQuantity>())
            .Where(c => c.Value.ToInt64() > 0)
            .Select(c => GpuResources.IndexOf(resourcePrefix, c.Key))
            .OfType<int>()
            .Order()
            .ToList();
        return indexes.Count > 0 ? indexes : null;
    }

    private static List<int> LabelGpus(V1Node node) =>
        node.Metadata.Labels?.TryGetValue(NodeInventoryDocument.CountLabel, out var text) == true
            && int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var count) && count > 0
            ? [.. Enumerable.Range(0, count)]
            : [];

    private static GpuModel Model(string name, int smCount, long memoryMiB)
    {
        var v100 = GpuModel.V100;
        return new GpuModel(
            name,
            smCount > 0 ? smCount : v100.SmCount,
            v100.MaxThreadsPerSm,
            v100.MaxBlocksPerSm,
            v100.RegistersPerSm,
            v100.SharedMemoryPerSmBytes,
            memoryMiB > 0 ? memoryMiB : v100.MemoryMiB);
    }
}
