using GpuPool.Prediction.Training;

namespace GpuPool.Cli.Feedback;

/// <summary>The samples observations gave, how many observations they came from, why the others were not used, and the repeated lines dropped.</summary>
public sealed record ObservationTraining(IReadOnlyList<PairSample> Samples, int Used, IReadOnlyList<string> Skipped, int Duplicates);
