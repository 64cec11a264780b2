using GpuPool.Core.Datasets;
using GpuPool.Prediction.Features;
using GpuPool.Prediction.Models;
using GpuPool.Prediction.Training;

namespace GpuPool.Prediction.Evaluation;

/// <summary>
/// Scores learners on measured co-runs under a split. Training rows may be augmented (e.g. with
/// simulated co-runs); test rows are always measured rows of the data set.
/// </summary>
public sealed class CrossValidator(KernelModelTrainer trainer, EvaluationOptions options)
{
    /// <summary>Scores every learner; the report's metrics are the first learner's, the others' MAE beside it.</summary>
    public EvaluationReport Run(ProfileDataset measured, IReadOnlyList<LearnerKind> learners, IReadOnlyList<PairSample>? augmentation = null)
    {
        ArgumentNullException.ThrowIfNull(measured);
        ArgumentNullException.ThrowIfNull(learners);
        if (learners.Count == 0)
        {
            throw new ArgumentException("Name at least one learner.", nameof(learners));
        }

        // 1. Samples of every measured row; folds over rows.
        var samples = PairSampleBuilder.Build(measured, options.Features);
        var folds = DatasetSplitter.Folds(measured.Pairs, options.Split, options.FoldCount, options.Seed);

        // 2. Each learner trained and tested on every fold.
        var perLearner = learners.Select(l => (Learner: l, Folds: folds.Select(f => RunFold(f, samples, l, augmentation ?? [])).ToList())).ToList();

        // 3. The primary learner's full report; the others' MAE beside it.
        var primary = perLearner[0].Folds;
        var report = Report(primary, options.Delta, perLearner.Select(p => new LearnerScore(p.Learner.ToString(), RegressionScores.MeanOver([.. p.Folds.Select(f => f.Scores())]).Mae)).ToList());
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

    private FoldPredictions RunFold(Fold fold, IReadOnlyList<PairSample> samples, LearnerKind learner, IReadOnlyList<PairSample> augmentation)
    {
        var train = samples.Where(s => fold.TrainRows.Contains(s.Row)).Concat(augmentation).ToList();
        var test = samples.Where(s => fold.TestRows.Contains(s.Row)).ToList();
        using var model = trainer.Train(train, options.Features, learner, options.Learner, $"fold {fold.Name}");
        return new FoldPredictions(fold.Name, test, model.PredictMany([.. test.Select(s => s.Features)]));
    }

    private static EvaluationReport Report(IReadOnlyList<FoldPredictions> folds, double delta, IReadOnlyList<LearnerScore> learners)
    {
        var scores = RegressionScores.MeanOver([.. folds.Select(f => f.Scores())]);
        var edges = folds.Select(f => f.Edges(delta)).Aggregate(default(EdgeCounts), EdgeCounts.Add);
        return new EvaluationReport(scores.Samples, scores.Mae, scores.Rmse, scores.MeanRelErr, scores.R2, edges.Precision, edges.Recall, learners)
        {
            Folds = [.. folds.Select(f => new LearnerScore(f.Fold, f.Scores().Mae))],
        };
    }
}
