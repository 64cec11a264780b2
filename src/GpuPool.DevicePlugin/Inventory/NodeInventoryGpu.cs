using System.Text.Json.Serialization;

namespace GpuPool.DevicePlugin.Inventory;

/// <summary>One GPU inside the node inventory annotation.</summary>
public sealed record NodeInventoryGpu(
    [property: JsonPropertyName("index")] int Index,
    [property: JsonPropertyName("uuid")] string Uuid,
    [property: JsonPropertyName("healthy")] bool Healthy);
