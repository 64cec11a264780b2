using GpuPool.Prediction.Features;
using GpuPool.Prediction.Training;
using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers;

namespace GpuPool.Prediction.Models;

/// <summary>
/// The kernel-wise model: predicts a kernel's NP beside a partner, each at its thread-block quota.
/// Safe to call from several threads (ML.NET's prediction engine is not, so calls take a lock).
/// A learner that could not learn from its samples leaves a mean model: it predicts the training
/// samples' mean target and says why in <see cref="Fallback"/>.
/// </summary>
public sealed class KernelNpModel : IDisposable
{
    private readonly Lock _gate = new();
    private readonly PredictionEngine<MlRow, MlScore>? _engine;
    private readonly double _meanTarget;

    internal KernelNpModel(MLContext ml, ITransformer transformer, DataViewSchema inputSchema, FeatureSet features, ModelMetadata metadata)
    {
        Ml = ml;
        Transformer = transformer;
        InputSchema = inputSchema;
        Features = features;
        Metadata = metadata;
        _engine = ml.Model.CreatePredictionEngine<MlRow, MlScore>(transformer, inputSchemaDefinition: MlData.Schema(features.Count));
    }

    /// <summary>A mean model: every prediction is <paramref name="meanTarget"/> times the row's target scale.</summary>
    internal KernelNpModel(FeatureSet features, ModelMetadata metadata, double meanTarget, string fallback)
    {
        Features = features;
        Metadata = metadata;
        _meanTarget = meanTarget;
        Fallback = fallback;
    }

    /// <summary>Why the learner's fit was replaced by the training mean; null for a fitted model.</summary>
    public string? Fallback { get; }

    public FeatureSet Features { get; }

    public ModelMetadata Metadata { get; }

    internal MLContext? Ml { get; }

    internal ITransformer? Transformer { get; }

    internal DataViewSchema? InputSchema { get; }

    /// <summary>NP of <paramref name="x"/> beside <paramref name="y"/>.</summary>
    public double Predict(KernelAtQuota x, KernelAtQuota y) => Predict(Features.Extract(x, y));

    /// <summary>NP for one feature row of this model's feature set.</summary>
    public double Predict(float[] features)
    {
        ArgumentNullException.ThrowIfNull(features);
        RequireLength(features);
        if (_engine is null)
        {
            return _meanTarget * Features.Scale(features);
        }

        lock (_gate)
        {
            return _engine.Predict(new MlRow { Features = features }).Score * Features.Scale(features);
        }
    }

    /// <summary>NP for many rows at once (one pass through the pipeline; used by evaluation).</summary>
    public IReadOnlyList<double> PredictMany(IReadOnlyList<float[]> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        foreach (var row in rows)
        {
            RequireLength(row);
        }

        if (Transformer is null || Ml is null)
        {
            return [.. rows.Select(r => _meanTarget * Features.Scale(r))];
        }

        var scored = Transformer.Transform(MlData.View(Ml, rows, Features.Count));
        return [.. scored.GetColumn<float>(nameof(MlScore.Score)).Select((s, i) => s * Features.Scale(rows[i]))];
    }

    /// <summary>
    /// How much each feature moved each row's prediction: ML.NET's feature contribution
    /// calculation (a tree ensemble's path contributions, a linear model's weight times value),
    /// unnormalised and times the row's target scale, so a value reads in NP. Index = feature.
    /// </summary>
    public IReadOnlyList<double[]> Contributions(IReadOnlyList<float[]> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        foreach (var row in rows)
        {
            RequireLength(row);
        }

        // A mean model's prediction moves with no feature.
        if (Transformer is null || Ml is null)
        {
            return [.. rows.Select(_ => new double[Features.Count])];
        }

        // The last transformer predicts; any before it (Sdca's normaliser) prepare its input.
        var parts = Transformer is IEnumerable<ITransformer> chain ? chain.ToList() : [Transformer];
        var input = parts[..^1].Aggregate(MlData.View(Ml, rows, Features.Count), (data, part) => part.Transform(data));
        var predictor = parts[^1] as ISingleFeaturePredictionTransformer<ICalculateFeatureContribution>
            ?? throw new NotSupportedException($"Learner {Metadata.Learner} does not report feature contributions.");
        var calculator = Ml.Transforms.CalculateFeatureContribution(predictor, Features.Count, Features.Count, normalize: false).Fit(input);
        var contributions = calculator.Transform(input).GetColumn<VBuffer<float>>("FeatureContributions").ToList();
        return [.. contributions.Select((c, i) => c.DenseValues().Select(v => v * Features.Scale(rows[i])).ToArray())];
    }

    public void Dispose() => _engine?.Dispose();

    private void RequireLength(float[] row)
    {
        if (row.Length != Features.Count)
        {
            throw new ArgumentException($"A feature row has {row.Length} values but feature set '{Features.Name}' has {Features.Count}.", nameof(row));
        }
    }
}
