using System.Text.Json.Serialization;

namespace GpuPool.Contracts.Inventory;

/// <summary>One GPU inside the node inventory annotation; a GPU without "healthy" counts as healthy.</summary>
public sealed record NodeInventoryGpu(
    [property: JsonPropertyName("index")] int Index,
    [property: JsonPropertyName("uuid")] string? Uuid,
    [property: JsonPropertyName("healthy")] bool Healthy = true);
