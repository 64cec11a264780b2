using System.Text.Json.Serialization;

namespace GpuPool.Prediction.Evaluation;

/// <summary>One model's cross-validated scores on one split of <c>gpupool evaluate --compare</c>.</summary>
public sealed record ComparisonRow(
    [property: JsonPropertyName("split")] string Split,
    [property: JsonPropertyName("model")] string Model,
    [property: JsonPropertyName("samples")] int Samples,
    [property: JsonPropertyName("mae")] double Mae,
    [property: JsonPropertyName("rmse")] double Rmse,
    [property: JsonPropertyName("r2")] double R2,
    [property: JsonPropertyName("edgePrecision")] double EdgePrecision,
    [property: JsonPropertyName("edgeRecall")] double EdgeRecall,
    [property: JsonPropertyName("fallbackFolds")] int FallbackFolds)
{
    /// <summary>What was chosen or what went wrong (the tuned model's choices per fold, a fallback's reason).</summary>
    [JsonPropertyName("note")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Note { get; init; }
}
