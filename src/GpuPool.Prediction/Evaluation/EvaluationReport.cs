using System.Text.Json.Serialization;

namespace GpuPool.Prediction.Evaluation;

/// <summary>
/// The result of scoring a learner on measured co-runs. MAE, RMSE, relative error and R² are
/// means over folds (each held-out kernel counts once under leave-one-kernel-out); edge precision
/// and recall pool the decisions of every fold. <see cref="Folds"/> lists each fold's MAE;
/// <see cref="HeldOutKernels"/> splits each leave-one-kernel-out fold into own and partner errors;
/// <see cref="EdgesByQos"/> splits the edge decision by QoS target.
/// </summary>
public sealed record EvaluationReport(
    [property: JsonPropertyName("samples")] int Samples,
    [property: JsonPropertyName("mae")] double Mae,
    [property: JsonPropertyName("rmse")] double Rmse,
    [property: JsonPropertyName("meanRelErr")] double MeanRelErr,
    [property: JsonPropertyName("r2")] double R2,
    [property: JsonPropertyName("edgePrecision")] double EdgePrecision,
    [property: JsonPropertyName("edgeRecall")] double EdgeRecall,
    [property: JsonPropertyName("learners")] IReadOnlyList<LearnerScore> Learners)
{
    /// <summary>The edge decision at each QoS target, with its base rate.</summary>
    [JsonPropertyName("edgesByQos")]
    public IReadOnlyList<QosEdgeScore> EdgesByQos { get; init; } = [];

    /// <summary>What the reader should know about the data set and the fits: constant features, counters added or ignored, splits that coincide.</summary>
    [JsonPropertyName("warnings")]
    public IReadOnlyList<string> Warnings { get; init; } = [];

    [JsonIgnore]
    public IReadOnlyList<LearnerScore> Folds { get; init; } = [];

    [JsonIgnore]
    public IReadOnlyList<HeldOutKernelScore> HeldOutKernels { get; init; } = [];
}
