using System.Text.Json.Serialization;

namespace GpuPool.Operator.Resources;

/// <summary>One entry of status.conditions; types and reasons are in <see cref="ConditionTypes"/> and <see cref="ConditionReasons"/>.</summary>
public sealed record GpuJobCondition
{
    [JsonPropertyName("type")]
    public required string Type { get; init; }

    [JsonPropertyName("status")]
    public required string Status { get; init; }

    [JsonPropertyName("reason")]
    public string? Reason { get; init; }

    [JsonPropertyName("message")]
    public string? Message { get; init; }

    [JsonPropertyName("lastTransitionTime")]
    public string? LastTransitionTime { get; init; }

    [JsonPropertyName("observedGeneration")]
    public long? ObservedGeneration { get; init; }

    public bool IsTrue => Status == "True";
}
