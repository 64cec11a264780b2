using System.Text.Json;
using System.Text.Json.Serialization;
using GpuPool.DevicePlugin.Devices;

namespace GpuPool.DevicePlugin.Inventory;

/// <summary>The node annotation gpupool.io/gpu-inventory and the labels derived from the GPU list.</summary>
public sealed record NodeInventory(
    [property: JsonPropertyName("model")] string Model,
    [property: JsonPropertyName("count")] int Count,
    [property: JsonPropertyName("memoryMiB")] long MemoryMiB,
    [property: JsonPropertyName("smCount")] int SmCount,
    [property: JsonPropertyName("gpus")] IReadOnlyList<NodeInventoryGpu> Gpus)
{
    public const string AnnotationKey = "gpupool.io/gpu-inventory";
    public const string ModelLabel = "gpupool.io/gpu-model";
    public const string CountLabel = "gpupool.io/gpu-count";

    private const int MaxLabelValueLength = 63;

    /// <summary>The inventory of a node's GPUs; the first GPU decides model, memory and SM count.</summary>
    public static NodeInventory From(IReadOnlyList<GpuDevice> devices)
    {
        ArgumentNullException.ThrowIfNull(devices);
        var first = devices.Count > 0 ? devices[0] : null;
        return new NodeInventory(
            first?.Model ?? "",
            devices.Count,
            first?.MemoryMiB ?? 0,
            first?.SmCount ?? 0,
            devices.Select(d => new NodeInventoryGpu(d.Index, d.Uuid, d.Healthy)).ToList());
    }

    public string ToJson() => JsonSerializer.Serialize(this);

    /// <summary>The model as a label value: letters, digits, '-', '_', '.', alphanumeric at both ends, at most 63.</summary>
    public string ModelLabelValue()
    {
        var chars = Model.Select(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' ? c : '-').ToArray();
        var value = new string(chars);
        value = value.Length > MaxLabelValueLength ? value[..MaxLabelValueLength] : value;
        return value.Trim('-', '_', '.');
    }
}
