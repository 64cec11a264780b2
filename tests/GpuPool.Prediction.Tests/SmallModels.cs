using GpuPool.Core.Datasets;
using GpuPool.Prediction.Features;
using GpuPool.Prediction.Models;
using GpuPool.Prediction.Training;

namespace GpuPool.Prediction.Tests;

/// <summary>Quick kernel-wise models for tests that need a real predictor, not a good one.</summary>
public static class SmallModels
{
    /// <summary>A 20-tree FastTree on the full feature set, trained on <paramref name="data"/>.</summary>
    public static KernelNpModel FastTree(ProfileDataset data) =>
        new KernelModelTrainer(TimeProvider.System).Train(
            PairSampleBuilder.Build(data, FeatureCatalog.Full), FeatureCatalog.Full, LearnerKind.FastTree, new LearnerOptions { Trees = 20, Leaves = 4, MinExamplesPerLeaf = 2 }, "synthetic");
}
