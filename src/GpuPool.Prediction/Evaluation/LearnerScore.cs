using System.Text.Json.Serialization;

namespace GpuPool.Prediction.Evaluation;

/// <summary>One learner's mean fold MAE on the same split and features.</summary>
public sealed record LearnerScore([property: JsonPropertyName("name")] string Name, [property: JsonPropertyName("mae")] double Mae);
