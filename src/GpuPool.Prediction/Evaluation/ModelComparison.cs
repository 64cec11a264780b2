using System.Globalization;
using GpuPool.Core.Datasets;
using GpuPool.Prediction.Features;
using GpuPool.Prediction.Training;

namespace GpuPool.Prediction.Evaluation;

/// <summary>
/// Scores, on every split and the same folds: the default model (FastTree, the options'
/// hyper-parameters, the data set's features), FastTree tuned by nested cross-validation (each
/// outer fold picks its hyper-parameters from <see cref="TuningGrid"/> by inner folds of its own
/// training rows; the test rows never take part), LightGbm, a plain GBT (FastTree with ML.NET's
/// defaults on the raw counters of both sides and the quotas) and the training mean.
/// </summary>
public sealed class ModelComparison(KernelModelTrainer trainer, EvaluationOptions options)
{
    /// <summary>The default model's row name.</summary>
    public const string DefaultModel = "FastTree (default)";

    /// <summary>The plain baseline's row name.</summary>
    public const string PlainModel = "plain GBT";

    /// <summary>Inner folds of each outer fold's training rows that the tuned model is chosen on.</summary>
    public const int InnerFolds = 3;

    /// <summary>The splits compared, in report order.</summary>
    public static IReadOnlyList<SplitKind> Splits { get; } = [SplitKind.KFold, SplitKind.PairGrouped, SplitKind.LeaveOneKernelOut];

    /// <summary>The tuned FastTree's candidates: smaller and larger trees, more regularised leaves, ML.NET's own defaults.</summary>
    public static IReadOnlyList<LearnerOptions> TuningGrid { get; } =
    [
        new(),
        new() { Leaves = 4 },
        new() { Leaves = 32, MinExamplesPerLeaf = 10 },
        new() { MinExamplesPerLeaf = 20 },
        new() { Trees = 100, Leaves = 8, LearningRate = 0.2, MinExamplesPerLeaf = 10 },
        new() { Trees = 100, Leaves = 20, LearningRate = 0.2, MinExamplesPerLeaf = 10 },
    ];

    /// <summary>Models fitted per outer fold: default, LightGbm, plain GBT, and the tuned model's inner fits and refit.</summary>
    public static int FitsPerFold => 3 + (TuningGrid.Count * InnerFolds) + 1;

    public ComparisonReport Run(ProfileDataset measured)
    {
        ArgumentNullException.ThrowIfNull(measured);

        // 1. The model's features and the plain baseline's raw ones; the folds of every split; the bound.
        var validator = new CrossValidator(trainer, options);
        var features = validator.Features(measured);
        var samples = PairSampleBuilder.Build(measured, features.Set);
        var raw = DatasetCounters.Raw(DatasetCounters.Of(measured));
        var rawSamples = PairSampleBuilder.Build(measured, raw);
        var splits = Splits.Select(s => (Kind: s, Folds: CrossValidator.Usable(DatasetSplitter.Folds(measured.Pairs, s, options.FoldCount, options.Seed), s))).ToList();
        var fits = splits.Sum(s => (long)s.Folds.Count * FitsPerFold);
        EvaluationBudget.Require(options.MaxFits, fits);

        // 2. Every model on every fold of every split.
        var rows = new List<ComparisonRow>();
        foreach (var (kind, folds) in splits)
        {
            var name = Name(kind);
            var tuned = folds.Select(f => Tuned(measured, kind, f, samples, features.Set, validator)).ToList();
            rows.Add(Row(name, DefaultModel, [.. folds.Select(f => validator.RunFold(f, samples, features.Set, LearnerKind.FastTree, options.Learner.For(samples.Count)))]));
            var tunedRow = Row(name, "FastTree (tuned)", [.. tuned.Select(t => t.Predictions)]);
            var choices = Chosen(tuned.Select(t => t.Chosen));
            rows.Add(tunedRow with { Note = tunedRow.Note is null ? choices : $"{choices}; {tunedRow.Note}" });
            rows.Add(Row(name, "LightGbm", [.. folds.Select(f => validator.RunFold(f, samples, features.Set, LearnerKind.LightGbm, options.Learner.For(samples.Count)))]));
            rows.Add(Row(name, PlainModel, [.. folds.Select(f => validator.RunFold(f, rawSamples, raw, LearnerKind.PlainFastTree, options.Learner))]));
            rows.Add(Row(name, "training mean", [.. folds.Select(f => Mean(f, samples))]));
        }

        // 3. The warnings of the data set and its features (pair-grouped's included, it is always run).
        var warnings = new CrossValidator(trainer, options with { Split = SplitKind.PairGrouped }).Warnings(measured, features, samples);
        return new ComparisonReport(rows, warnings, fits);
    }

    /// <summary>The split's command-line name.</summary>
    public static string Name(SplitKind kind) => kind switch
    {
        SplitKind.KFold => "kfold",
        SplitKind.PairGrouped => "pair-grouped",
        _ => "leave-one-kernel-out",
    };

    /// <summary>A candidate's hyper-parameters in short.</summary>
    public static string Describe(LearnerOptions o)
    {
        ArgumentNullException.ThrowIfNull(o);
        return string.Create(CultureInfo.InvariantCulture, $"{o.Trees} trees/{o.Leaves} leaves/lr {o.LearningRate}/min leaf {o.MinExamplesPerLeaf?.ToString(CultureInfo.InvariantCulture) ?? "auto"}");
    }

    private (FoldPredictions Predictions, LearnerOptions Chosen) Tuned(ProfileDataset measured, SplitKind kind, Fold fold, IReadOnlyList<PairSample> samples, FeatureSet features, CrossValidator validator)
    {
        // Inner folds over the outer fold's training rows only (held-out kernels cannot be left out
        // again one by one, so leave-one-kernel-out tunes on pair-grouped inner folds).
        var train = fold.TrainRows.Order().ToArray();
        var innerKind = kind == SplitKind.LeaveOneKernelOut ? SplitKind.PairGrouped : kind;
        var inner = DatasetSplitter.Folds([.. train.Select(r => measured.Pairs[r])], innerKind, InnerFolds, options.Seed)
            .Select(f => new Fold(f.Name, f.TrainRows.Select(i => train[i]).ToHashSet(), f.TestRows.Select(i => train[i]).ToHashSet()))
            .Where(f => f.TrainRows.Count > 0 && f.TestRows.Count > 0)
            .ToList();
        var grid = TuningGrid.Select(c => c.For(samples.Count)).ToList();
        var chosen = inner.Count == 0
            ? options.Learner.For(samples.Count)
            : grid.MinBy(c => inner.Average(f => validator.RunFold(f, samples, features, LearnerKind.FastTree, c).Scores().Mae))!;
        return (validator.RunFold(fold, samples, features, LearnerKind.FastTree, chosen), chosen);
    }

    private static FoldPredictions Mean(Fold fold, IReadOnlyList<PairSample> samples)
    {
        var mean = samples.Where(s => fold.TrainRows.Contains(s.Row)).Average(s => s.Label);
        var test = samples.Where(s => fold.TestRows.Contains(s.Row)).ToList();
        return new FoldPredictions(fold.Name, test, [.. test.Select(_ => mean)]);
    }

    private ComparisonRow Row(string split, string model, IReadOnlyList<FoldPredictions> folds)
    {
        var report = CrossValidator.Report(folds, options.Delta, []);
        var score = CrossValidator.Score(model, folds);
        return new ComparisonRow(split, model, report.Samples, report.Mae, report.Rmse, report.R2, report.EdgePrecision, report.EdgeRecall, score.FallbackFolds)
        {
            Note = score.Fallback is null ? null : $"fell back to the training mean on {score.FallbackFolds} folds: {score.Fallback}",
        };
    }

    private static string Chosen(IEnumerable<LearnerOptions> chosen) =>
        "chosen per fold: " + string.Join("; ", chosen.GroupBy(Describe).OrderByDescending(g => g.Count()).Select(g => $"{g.Key} x{g.Count()}"));
}
