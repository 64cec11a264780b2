using System.Text.Json.Serialization;

namespace GpuPool.Prediction.Evaluation;

/// <summary>
/// The edge decision at one QoS target, pooled over folds: precision and recall of "both predicted
/// NP ≥ q·(1+delta)" against "both measured NP ≥ q", beside the base rate (the share of rows whose
/// measured NPs meet the target anyway, which a model admitting every pair would reach as its
/// precision). Admitted counts the predicted edges; with none, precision is 1 by definition.
/// </summary>
public sealed record QosEdgeScore(
    [property: JsonPropertyName("qos")] double Qos,
    [property: JsonPropertyName("rows")] int Rows,
    [property: JsonPropertyName("admitted")] int Admitted,
    [property: JsonPropertyName("precision")] double Precision,
    [property: JsonPropertyName("recall")] double Recall,
    [property: JsonPropertyName("baseRate")] double BaseRate);
