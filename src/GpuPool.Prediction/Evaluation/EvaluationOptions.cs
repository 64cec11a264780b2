using GpuPool.Prediction.Features;
using GpuPool.Prediction.Training;

namespace GpuPool.Prediction.Evaluation;

/// <summary>What an evaluation runs: split, features, hyper-parameters and the edge margin.</summary>
public sealed record EvaluationOptions
{
    public SplitKind Split { get; init; } = SplitKind.KFold;

    public int FoldCount { get; init; } = 5;

    public int Seed { get; init; } = 1;

    public FeatureSet Features { get; init; } = FeatureCatalog.Full;

    public LearnerOptions Learner { get; init; } = new();

    /// <summary>The pairing rule's safety margin used for edge precision/recall.</summary>
    public double Delta { get; init; } = 0.1;

    /// <summary>Read the data set's counters the feature catalogue does not know (<see cref="DatasetCounters"/>).</summary>
    public bool DatasetCounters { get; init; } = true;

    /// <summary>The most models one evaluation may fit (<see cref="EvaluationBudget"/>).</summary>
    public int MaxFits { get; init; } = EvaluationBudget.DefaultMaxFits;
}
