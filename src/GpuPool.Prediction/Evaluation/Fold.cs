namespace GpuPool.Prediction.Evaluation;

/// <summary>One train/test split of a data set's co-run rows (indices into its Pairs).</summary>
public sealed record Fold(string Name, IReadOnlySet<int> TrainRows, IReadOnlySet<int> TestRows);
