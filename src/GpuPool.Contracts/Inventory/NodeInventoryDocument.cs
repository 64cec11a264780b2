using System.Text.Json;
using System.Text.Json.Serialization;

namespace GpuPool.Contracts.Inventory;

/// <summary>
/// The node annotation gpupool.io/gpu-inventory and the labels derived from it: the device plugin
/// writes them, the operator reads them. Model and GPU list are nullable because the operator reads
/// whatever a node carries (it falls back to labels and capacity); the plugin always writes both.
/// </summary>
public sealed record NodeInventoryDocument(
    [property: JsonPropertyName("model")] string? Model,
    [property: JsonPropertyName("count")] int Count,
    [property: JsonPropertyName("memoryMiB")] long MemoryMiB,
    [property: JsonPropertyName("smCount")] int SmCount,
    [property: JsonPropertyName("gpus")] IReadOnlyList<NodeInventoryGpu>? Gpus)
{
    public const string AnnotationKey = "gpupool.io/gpu-inventory";
    public const string ModelLabel = "gpupool.io/gpu-model";
    public const string CountLabel = "gpupool.io/gpu-count";

    private const int MaxLabelValueLength = 63;

    // Names as written; reading also accepts another casing, as an annotation edited by hand may have.
    private static readonly JsonSerializerOptions _json = new(JsonSerializerDefaults.Web);

    public string ToJson() => JsonSerializer.Serialize(this, _json);

    /// <summary>The document in <paramref name="json"/>, or null for the JSON literal null; <see cref="JsonException"/> when it is not one.</summary>
    public static NodeInventoryDocument? Parse(string json) => JsonSerializer.Deserialize<NodeInventoryDocument>(json, _json);

    /// <summary>The model as a label value: letters, digits, '-', '_', '.', alphanumeric at both ends, at most 63.</summary>
    public string ModelLabelValue()
    {
        var chars = (Model ?? "").Select(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' ? c : '-').ToArray();
        var value = new string(chars);
        value = value.Length > MaxLabelValueLength ? value[..MaxLabelValueLength] : value;
        return value.Trim('-', '_', '.');
    }
}
