using System.Text.Json.Serialization;

namespace GpuPool.Operator.Resources;

/// <summary>status of a GpuJob. Times are RFC 3339 strings, written as the API server stores them.</summary>
public sealed record GpuJobStatus
{
    [JsonPropertyName("phase")]
    public string? Phase { get; init; }

    [JsonPropertyName("conditions")]
    public IReadOnlyList<GpuJobCondition>? Conditions { get; init; }

    [JsonPropertyName("node")]
    public string? Node { get; init; }

    [JsonPropertyName("gpu")]
    public int? Gpu { get; init; }

    [JsonPropertyName("partner")]
    public string? Partner { get; init; }

    [JsonPropertyName("setting")]
    public string? Setting { get; init; }

    [JsonPropertyName("predictedNP")]
    public double? PredictedNp { get; init; }

    [JsonPropertyName("measuredNP")]
    public double? MeasuredNp { get; init; }

    /// <summary>Times a node refused the job's pod before it ran and the job was queued again.</summary>
    [JsonPropertyName("requeues")]
    public int? Requeues { get; init; }

    [JsonPropertyName("startTime")]
    public string? StartTime { get; init; }

    [JsonPropertyName("completionTime")]
    public string? CompletionTime { get; init; }

    public GpuJobCondition? Condition(string type) => Conditions?.FirstOrDefault(c => c.Type == type);
}
