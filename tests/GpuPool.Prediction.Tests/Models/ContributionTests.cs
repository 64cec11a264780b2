using GpuPool.Prediction.Features;
using GpuPool.Prediction.Training;

namespace GpuPool.Prediction.Tests.Models;

/// <summary>KernelNpModel.Contributions: ML.NET's per-feature contributions, one per feature of the set.</summary>
public sealed class ContributionTests
{
    public static TheoryData<LearnerKind> Learners => new() { LearnerKind.FastTree, LearnerKind.FastForest, LearnerKind.LightGbm, LearnerKind.Sdca };

    [Theory]
    [MemberData(nameof(Learners))]
    public void A_feature_constant_in_training_contributes_nothing_and_the_varying_ones_do(LearnerKind learner)
    {
        var data = Profiles.Synthetic(6);
        var samples = PairSampleBuilder.Build(data, FeatureCatalog.Full);
        using var model = new KernelModelTrainer(TimeProvider.System).Train(samples, FeatureCatalog.Full, learner, new LearnerOptions { Trees = 20, Leaves = 4, MinExamplesPerLeaf = 2 }, "synthetic");
        var rows = samples.Take(12).Select(s => s.Features).ToList();

        var contributions = model.Contributions(rows);

        Assert.Equal(rows.Count, contributions.Count);
        var constant = Enumerable.Range(0, FeatureCatalog.Full.Count).Where(f => samples.All(s => s.Features[f] == samples[0].Features[f])).ToList();
        Assert.Contains(FeatureCatalog.Full.Schema.Names.ToList().IndexOf("tensor_busy_sum"), constant);
        Assert.All(contributions, c =>
        {
            Assert.Equal(FeatureCatalog.Full.Count, c.Length);
            Assert.All(constant, f => Assert.Equal(0.0, c[f]));
        });
        Assert.Contains(contributions, c => c.Any(v => v != 0));
    }

    [Fact]
    public void A_row_of_the_wrong_length_is_refused()
    {
        using var model = SmallModels.FastTree(Profiles.Synthetic(4));

        Assert.Throws<ArgumentException>(() => model.Contributions([new float[3]]));
    }
}
