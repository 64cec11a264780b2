namespace GpuPool.Simulation.Gpus;

/// <summary>The held-out error of one way of splitting measured co-runs into training and test.</summary>
public sealed record CalibrationSplit(string Name, int Folds, int HeldOutNps, double MeanAbsoluteError, double MaxAbsoluteError);
