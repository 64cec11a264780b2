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

    /// <summary>Which of the data set's counters the feature catalogue does not know are read (<see cref="Features.DatasetCounters"/>).</summary>
    public DatasetCounterUse DatasetCounters { get; init; } = DatasetCounterUse.Auto;

    /// <summary>The most models one evaluation may fit (<see cref="EvaluationBudget"/>).</summary>
    public int MaxFits { get; init; } = EvaluationBudget.DefaultMaxFits;
}
