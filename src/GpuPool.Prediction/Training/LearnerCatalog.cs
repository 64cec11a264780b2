using Microsoft.ML;
using Microsoft.ML.Trainers;
using Microsoft.ML.Trainers.FastTree;
using Microsoft.ML.Trainers.LightGbm;

namespace GpuPool.Prediction.Training;

/// <summary>Builds the ML.NET pipeline of each learner from one set of options.</summary>
public static class LearnerCatalog
{
    public static LearnerKind Parse(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return Enum.TryParse<LearnerKind>(name, ignoreCase: true, out var kind) && Enum.IsDefined(kind)
            ? kind
            : throw new ArgumentException($"Unknown learner '{name}'; known: {string.Join(", ", Enum.GetNames<LearnerKind>().Select(n => n.ToLowerInvariant()))}.", nameof(name));
    }

    internal static IEstimator<ITransformer> Pipeline(MLContext ml, LearnerKind kind, LearnerOptions options) => kind switch
    {
        LearnerKind.FastTree => ml.Regression.Trainers.FastTree(Trees(new FastTreeRegressionTrainer.Options { LearningRate = options.LearningRate }, options)),
        LearnerKind.FastForest => ml.Regression.Trainers.FastForest(Trees(new FastForestRegressionTrainer.Options(), options)),
        LearnerKind.LightGbm => ml.Regression.Trainers.LightGbm(new LightGbmRegressionTrainer.Options
        {
            NumberOfIterations = options.Trees,
            NumberOfLeaves = options.Leaves,
            LearningRate = options.LearningRate,
            MinimumExampleCountPerLeaf = options.MinLeaf,
            Seed = options.Seed,
            NumberOfThreads = 1,
            Silent = true,
        }),
        LearnerKind.PlainFastTree => ml.Regression.Trainers.FastTree(new FastTreeRegressionTrainer.Options { Seed = options.Seed, NumberOfThreads = 1 }),
        LearnerKind.Sdca => ml.Transforms.NormalizeMeanVariance(nameof(MlRow.Features))
            .Append(ml.Regression.Trainers.Sdca(new SdcaRegressionTrainer.Options { MaximumNumberOfIterations = 200, NumberOfThreads = 1 })),
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown learner."),
    };

    /// <summary>The options both tree ensembles (boosted and forest) take from <paramref name="options"/>.</summary>
    private static T Trees<T>(T trainer, LearnerOptions options)
        where T : TreeOptions
    {
        trainer.NumberOfTrees = options.Trees;
        trainer.NumberOfLeaves = options.Leaves;
        trainer.MinimumExampleCountPerLeaf = options.MinLeaf;
        trainer.FeatureFraction = options.FeatureFraction;
        trainer.Seed = options.Seed;
        trainer.NumberOfThreads = 1;
        return trainer;
    }
}
