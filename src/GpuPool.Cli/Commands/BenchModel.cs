using GpuPool.Core.Datasets;
using GpuPool.Prediction.Features;
using GpuPool.Prediction.Models;
using GpuPool.Prediction.Training;

namespace GpuPool.Cli.Commands;

/// <summary>The model a benchmark runs: a saved one, or FastTree trained on the data set's co-runs.</summary>
internal static class BenchModel
{
    public static KernelNpModel LoadOrTrain(string? path, ProfileDataset data) =>
        path is not null
            ? ModelFile.Load(path)
            : new KernelModelTrainer(TimeProvider.System).Train(
                PairSampleBuilder.Build(data, FeatureCatalog.Full), FeatureCatalog.Full, LearnerKind.FastTree, new LearnerOptions(), "bench");
}
