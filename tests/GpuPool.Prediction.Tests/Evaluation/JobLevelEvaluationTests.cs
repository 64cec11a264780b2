using GpuPool.Prediction.Evaluation;
using GpuPool.Prediction.Tests.Support;
using GpuPool.Prediction.Training;

namespace GpuPool.Prediction.Tests.Evaluation;

/// <summary>Cross-validation and the model comparison on job-level data sets (one row per job, one co-run per job pair).</summary>
public class JobLevelEvaluationTests
{
    private static readonly LearnerKind[] EveryLearner = [LearnerKind.FastTree, LearnerKind.FastForest, LearnerKind.LightGbm, LearnerKind.Sdca, LearnerKind.PlainFastTree];

    public static TheoryData<string, SplitKind> Sets => new()
    {
        { "six", SplitKind.KFold },
        { "six", SplitKind.LeaveOneKernelOut },
        { "throughput", SplitKind.KFold },
        { "throughput", SplitKind.PairGrouped },
    };

    [Theory]
    [MemberData(nameof(Sets))]
    public void No_learner_crashes_or_reports_a_non_finite_score(string set, SplitKind split)
    {
        var data = Data(set, jobs: 10);

        var report = Validator(new EvaluationOptions { Split = split, Learner = new() { Trees = 30 } }).Run(data, EveryLearner);

        Assert.All(report.Learners, l => Assert.True(double.IsFinite(l.Mae), l.Name));
        Assert.All([report.Mae, report.Rmse, report.R2, report.MeanRelErr, report.EdgePrecision, report.EdgeRecall], v => Assert.True(double.IsFinite(v)));
        Assert.Contains(report.Warnings, w => w.Contains("counters the feature catalogue does not know", StringComparison.Ordinal));
        Assert.Contains(report.Warnings, w => w.Contains("are constant over the data set's samples", StringComparison.Ordinal));
    }

    [Fact]
    public void Pair_grouped_says_when_it_is_kfold_and_scores_the_same()
    {
        var data = Data("six", jobs: 8);
        var options = new EvaluationOptions { Learner = new() { Trees = 30 } };

        var kfold = Validator(options).Run(data, [LearnerKind.FastTree]);
        var grouped = Validator(options with { Split = SplitKind.PairGrouped }).Run(data, [LearnerKind.FastTree]);
        var quotas = Validator(options with { Split = SplitKind.PairGrouped }).Run(Profiles.Synthetic(kernels: 5), [LearnerKind.FastTree]);

        Assert.Contains(grouped.Warnings, w => w.StartsWith("pair-grouped: every kernel pair has one co-run", StringComparison.Ordinal));
        Assert.Equal(kfold.Mae, grouped.Mae);
        Assert.DoesNotContain(quotas.Warnings, w => w.StartsWith("pair-grouped", StringComparison.Ordinal));
    }

    [Fact]
    public void Edges_per_qos_target_report_the_share_of_rows_that_meet_it_anyway()
    {
        var data = Data("six", jobs: 8);

        var report = Validator(new EvaluationOptions { Learner = new() { Trees = 30 } }).Run(data, [LearnerKind.FastTree]);

        Assert.Equal(EdgeCounts.QosGrid, report.EdgesByQos.Select(q => q.Qos));
        foreach (var q in report.EdgesByQos)
        {
            Assert.Equal(data.Pairs.Count, q.Rows);
            Assert.Equal(data.Pairs.Count(p => p.NpA >= q.Qos && p.NpB >= q.Qos) / (double)data.Pairs.Count, q.BaseRate, precision: 12);
            Assert.Equal(q.Admitted == 0 ? 1.0 : q.Precision, q.Precision);
        }
    }

    [Fact]
    public void An_evaluation_over_its_fit_limit_is_refused_before_any_work_naming_the_limit()
    {
        var error = Assert.Throws<ArgumentException>(() => Validator(new EvaluationOptions { MaxFits = 9 }).Run(Data("six", jobs: 6), [LearnerKind.FastTree, LearnerKind.Sdca]));

        Assert.Contains("would fit 10 models, more than the limit of 9 (--max-fits)", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("six")]
    [InlineData("throughput")]
    public void The_default_model_is_within_5_percent_of_a_plain_gbt_on_every_split(string set)
    {
        var data = Data(set, jobs: 12);

        var report = new ModelComparison(new KernelModelTrainer(TimeProvider.System), new EvaluationOptions()).Run(data);

        Assert.Equal(ModelComparison.Splits.Count * 5, report.Rows.Count);
        Assert.All(report.Rows, r => Assert.True(double.IsFinite(r.Mae) && double.IsFinite(r.R2), $"{r.Split} {r.Model}"));
        foreach (var split in report.Rows.GroupBy(r => r.Split))
        {
            var model = split.ToDictionary(r => r.Model, r => r.Mae);
            Assert.True(model["FastTree (default)"] <= model["plain GBT"] * 1.05, $"{split.Key}: default {model["FastTree (default)"]:0.0000}, plain GBT {model["plain GBT"]:0.0000}");
        }
    }

    private static Core.Datasets.ProfileDataset Data(string set, int jobs) =>
        set == "six" ? JobLevelData.Six(jobs, seed: 7) : JobLevelData.Throughput(jobs, seed: 7);

    private static CrossValidator Validator(EvaluationOptions options) => new(new KernelModelTrainer(TimeProvider.System), options);
}
