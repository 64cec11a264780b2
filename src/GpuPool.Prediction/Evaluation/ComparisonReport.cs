using System.Text.Json.Serialization;

namespace GpuPool.Prediction.Evaluation;

/// <summary>
/// Every model of <see cref="ModelComparison"/> on every split, side by side, with the data set's
/// warnings and the number of models the comparison fitted.
/// </summary>
public sealed record ComparisonReport(
    [property: JsonPropertyName("rows")] IReadOnlyList<ComparisonRow> Rows,
    [property: JsonPropertyName("warnings")] IReadOnlyList<string> Warnings,
    [property: JsonPropertyName("fits")] long Fits);
