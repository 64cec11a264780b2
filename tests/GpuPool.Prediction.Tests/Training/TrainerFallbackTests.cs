using GpuPool.Core.Datasets;
using GpuPool.Core.Gpus;
using GpuPool.Prediction.Features;
using GpuPool.Prediction.Tests.Support;
using GpuPool.Prediction.Training;

namespace GpuPool.Prediction.Tests.Training;

public class TrainerFallbackTests
{
    private static readonly LearnerOptions Quick = new() { Trees = 20, Leaves = 4 };

    public static TheoryData<LearnerKind> Learners => new() { LearnerKind.FastTree, LearnerKind.FastForest, LearnerKind.LightGbm, LearnerKind.Sdca, LearnerKind.PlainFastTree };

    [Theory]
    [MemberData(nameof(Learners))]
    public void With_every_feature_constant_a_learner_predicts_the_training_mean_and_says_why(LearnerKind learner)
    {
        // Every job alike (same counters, geometry and quotas): nothing tells the rows apart.
        var data = JobLevelData.Throughput(jobs: 6, seed: 2);
        var alike = data with { Profiles = [.. data.Profiles.Select(p => new Core.Kernels.KernelProfile(p.Id, p.Geometry, 1.0, new Dictionary<string, double> { ["throughput"] = 1 }))] };
        var samples = PairSampleBuilder.Build(alike, FeatureCatalog.Full);

        using var model = new KernelModelTrainer(TimeProvider.System).Train(samples, FeatureCatalog.Full, learner, Quick, "alike");
        var predicted = model.PredictMany([.. samples.Select(s => s.Features)]);

        Assert.Contains("every feature is constant", model.Fallback, StringComparison.Ordinal);
        var mean = samples.Average(s => s.Label);
        Assert.All(predicted, p => Assert.Equal(mean, p, precision: 9));
    }

    [Theory]
    [MemberData(nameof(Learners))]
    public void On_a_one_feature_job_level_set_no_learner_predicts_a_non_finite_value_or_one_value_for_all(LearnerKind learner)
    {
        var data = JobLevelData.Throughput(jobs: 10, seed: 3);
        var features = DatasetCounters.Extend(FeatureCatalog.Full, DatasetCounters.Of(data)).Set;
        var samples = PairSampleBuilder.Build(data, features);

        using var model = new KernelModelTrainer(TimeProvider.System).Train(samples, features, learner, Quick, "throughput");
        var predicted = model.PredictMany([.. samples.Select(s => s.Features)]);

        Assert.All(predicted, p => Assert.True(double.IsFinite(p)));
        // Either it learned something (its predictions differ) or it says it could not and predicts the mean.
        var mean = samples.Average(s => s.Label);
        Assert.True(model.Fallback is null ? predicted.Max() > predicted.Min() : predicted.All(p => Math.Abs(p - mean) < 1e-9), model.Fallback ?? "fitted");
    }

    [Fact]
    public void A_mean_model_cannot_be_saved_and_says_which_learner_and_data_set()
    {
        var data = new ProfileDataset(GpuModel.V100, [Profiles.Kernel("a"), Profiles.Kernel("b")], [new KernelPairMeasurement("a", "b", 1, 1, 0.5, 0.7)]);
        var samples = PairSampleBuilder.Build(data, FeatureCatalog.Full);
        using var model = new KernelModelTrainer(TimeProvider.System).Train(samples, FeatureCatalog.Full, LearnerKind.FastTree, Quick, "two kernels");
        using var file = new MemoryStream();

        var error = Assert.Throws<ArgumentException>(() => Prediction.Models.ModelFile.Save(model, file));

        Assert.Contains("Learner FastTree could not learn from data set 'two kernels'", error.Message, StringComparison.Ordinal);
    }

    public static TheoryData<int, int> LeafFloors => new()
    {
        // training samples, leaf floor chosen
        { 100, LearnerOptions.SmallSetMinLeaf },
        { LearnerOptions.SmallSetSamples - 1, LearnerOptions.SmallSetMinLeaf },
        { LearnerOptions.SmallSetSamples, LearnerOptions.LargeSetMinLeaf },
        { 5000, LearnerOptions.LargeSetMinLeaf },
    };

    [Theory]
    [MemberData(nameof(LeafFloors))]
    public void An_automatic_leaf_floor_grows_on_small_training_sets_and_a_set_one_stays(int samples, int floor)
    {
        Assert.Equal(floor, new LearnerOptions().For(samples).MinExamplesPerLeaf);
        Assert.Equal(3, new LearnerOptions { MinExamplesPerLeaf = 3 }.For(samples).MinExamplesPerLeaf);
    }
}
