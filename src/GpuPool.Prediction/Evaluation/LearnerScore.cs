using System.Text.Json.Serialization;

namespace GpuPool.Prediction.Evaluation;

/// <summary>
/// One learner's mean fold MAE on the same split and features. <see cref="FallbackFolds"/> counts
/// the folds on which it could not learn and the training mean stood in (<see cref="Fallback"/> says why).
/// </summary>
public sealed record LearnerScore([property: JsonPropertyName("name")] string Name, [property: JsonPropertyName("mae")] double Mae)
{
    [JsonPropertyName("fallbackFolds")]
    public int FallbackFolds { get; init; }

    [JsonPropertyName("fallback")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Fallback { get; init; }
}
