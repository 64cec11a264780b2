using GpuPool.Core.Datasets;
using GpuPool.Prediction.Features;
using GpuPool.Prediction.Models;
using GpuPool.Prediction.Training;

namespace GpuPool.Prediction.Evaluation;

/// <summary>
/// Scores learners on measured co-runs under a split. The feature set is extended with the data
/// set's own counters as the options choose (<see cref="DatasetCounters"/>); a learner
/// that cannot learn on a fold is scored as the training mean and counted (<see cref="LearnerScore.FallbackFolds"/>).
/// </summary>
public sealed class CrossValidator(KernelModelTrainer trainer, EvaluationOptions options)
{
    /// <summary>Scores every learner; the report's metrics are the first learner's, the others' MAE beside it.</summary>
    public EvaluationReport Run(ProfileDataset measured, IReadOnlyList<LearnerKind> learners)
    {
        ArgumentNullException.ThrowIfNull(measured);
        ArgumentNullException.ThrowIfNull(learners);
        if (learners.Count == 0)
        {
            throw new ArgumentException("Name at least one learner.", nameof(learners));
        }

        // 1. Features, samples of every measured row, folds over rows.
        var features = Features(measured);
        var samples = PairSampleBuilder.Build(measured, features.Set);
        var folds = Usable(DatasetSplitter.Folds(measured.Pairs, options.Split, options.FoldCount, options.Seed), options.Split);
        EvaluationBudget.Require(options.MaxFits, (long)folds.Count * learners.Count);

        // 2. Each learner trained and tested on every fold.
        // The leaf floor follows the data set's size, not each fold's, so every fold trains alike.
        var learnerOptions = options.Learner.For(samples.Count);
        var perLearner = learners.Select(l => (Learner: l, Folds: folds.Select(f => RunFold(f, samples, features.Set, l, learnerOptions)).ToList())).ToList();

        // 3. The primary learner's full report; the others' MAE beside it.
        var primary = perLearner[0].Folds;
        var report = Report(primary, options.Delta, [.. perLearner.Select(p => Score(p.Learner.ToString(), p.Folds))]) with
        {
            Warnings = Warnings(measured, features, samples),
        };
        return options.Split == SplitKind.LeaveOneKernelOut ? report with { HeldOutKernels = [.. primary.Select(f => f.HeldOut())] } : report;
    }

    /// <summary>Scores a trained model on every measured row (no split: the model never saw them, or says so in its metadata).</summary>
    public static EvaluationReport Score(KernelNpModel model, ProfileDataset measured, double delta)
    {
        ArgumentNullException.ThrowIfNull(model);
        var samples = PairSampleBuilder.Build(measured, model.Features);
        var predictions = new FoldPredictions("all", samples, model.PredictMany([.. samples.Select(s => s.Features)]));
        return Report([predictions], delta, [new LearnerScore(model.Metadata.Learner, predictions.Scores().Mae)]);
    }

    /// <summary>
    /// The folds with both training and test rows (a data set with fewer rows or kernels than folds
    /// leaves some empty); throws <see cref="ArgumentException"/> when none is left.
    /// </summary>
    internal static IReadOnlyList<Fold> Usable(IReadOnlyList<Fold> folds, SplitKind split)
    {
        var usable = folds.Where(f => f.TrainRows.Count > 0 && f.TestRows.Count > 0).ToList();
        return usable.Count > 0
            ? usable
            : throw new ArgumentException($"split {ModelComparison.Name(split)}: the data set's co-runs leave no fold with both training and test rows (too few co-runs or kernels)");
    }

    /// <summary>The options' feature set, with the data set's own counters as the options choose.</summary>
    internal DatasetFeatures Features(ProfileDataset measured) =>
        DatasetCounters.For(options.Features, DatasetCounters.Of(measured), options.DatasetCounters);

    /// <summary>Trains on the fold's training rows and predicts its test rows; a learner that cannot learn is replaced by the training mean.</summary>
    internal FoldPredictions RunFold(Fold fold, IReadOnlyList<PairSample> samples, FeatureSet features, LearnerKind learner, LearnerOptions learnerOptions)
    {
        var train = samples.Where(s => fold.TrainRows.Contains(s.Row)).ToList();
        var test = samples.Where(s => fold.TestRows.Contains(s.Row)).ToList();
        using var model = trainer.Train(train, features, learner, learnerOptions, $"fold {fold.Name}");
        var predicted = model.PredictMany([.. test.Select(s => s.Features)]);
        if (predicted.All(double.IsFinite))
        {
            return new FoldPredictions(fold.Name, test, predicted) { Fallback = model.Fallback };
        }

        var mean = train.Average(s => s.Label / features.Scale(s.Features));
        return new FoldPredictions(fold.Name, test, [.. test.Select(s => mean * features.Scale(s.Features))]) { Fallback = "it predicts non-finite values on the test rows" };
    }

    /// <summary>A learner's mean fold MAE, with the folds it could not learn on.</summary>
    internal static LearnerScore Score(string name, IReadOnlyList<FoldPredictions> folds) =>
        new(name, RegressionScores.MeanOver([.. folds.Select(f => f.Scores())]).Mae)
        {
            FallbackFolds = folds.Count(f => f.Fallback is not null),
            Fallback = folds.Select(f => f.Fallback).FirstOrDefault(f => f is not null),
        };

    internal static EvaluationReport Report(IReadOnlyList<FoldPredictions> folds, double delta, IReadOnlyList<LearnerScore> learners)
    {
        var scores = RegressionScores.MeanOver([.. folds.Select(f => f.Scores())]);
        var edges = folds.Select(f => f.Edges(delta)).Aggregate(default(EdgeCounts), EdgeCounts.Add);
        var rows = folds.Sum(f => f.EdgeRows);
        return new EvaluationReport(scores.Samples, scores.Mae, scores.Rmse, scores.MeanRelErr, scores.R2, edges.Precision, edges.Recall, learners)
        {
            Folds = [.. folds.Select(f => new LearnerScore(f.Fold, f.Scores().Mae))],
            EdgesByQos =
            [
                .. EdgeCounts.QosGrid.Select(q =>
                {
                    var at = folds.Select(f => f.EdgesAt(q, delta)).Aggregate(default(EdgeCounts), EdgeCounts.Add);
                    var admitted = at.TruePositives + at.FalsePositives;
                    return new QosEdgeScore(q, rows, admitted, at.Precision, at.Recall, rows == 0 ? 0 : (double)(at.TruePositives + at.FalseNegatives) / rows);
                }),
            ],
        };
    }

    /// <summary>What the reader must know to trust the scores: the features that cannot inform, the counters added or left out, splits that coincide.</summary>
    internal List<string> Warnings(ProfileDataset measured, DatasetFeatures features, IReadOnlyList<PairSample> samples)
    {
        var warnings = new List<string>();
        if (features.Added.Count > 0)
        {
            warnings.Add($"counters the feature catalogue does not know, read as own and partner features: {string.Join(", ", features.Added)}");
        }

        warnings.AddRange(features.Ignored.Select(i => $"ignored: {i}"));
        var constant = ConstantFeatures.Of(samples, features.Set);
        if (constant.Count == features.Set.Count)
        {
            warnings.Add($"every one of the {constant.Count} features the model reads is constant over the data set's samples: no learner can learn, each predicts the training mean");
        }
        else if (constant.Count > 0)
        {
            warnings.Add($"{constant.Count} of the {features.Set.Count} features the model reads are constant over the data set's samples (they cannot inform it): {Abbreviated(constant)}");
        }

        if (options.Split == SplitKind.PairGrouped && measured.Pairs.Select(DatasetSplitter.PairKey).Distinct().Count() == measured.Pairs.Count)
        {
            warnings.Add("pair-grouped: every kernel pair has one co-run, so its folds are kfold's and so are its scores");
        }

        return warnings;
    }

    private static string Abbreviated(IReadOnlyList<string> names) =>
        names.Count <= 12 ? string.Join(", ", names) : $"{string.Join(", ", names.Take(12))} and {names.Count - 12} more";
}
