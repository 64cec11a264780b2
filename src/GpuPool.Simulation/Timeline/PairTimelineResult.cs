namespace GpuPool.Simulation.Timeline;

/// <summary>Two jobs started together on one GPU: how long each took, and its NP.</summary>
public sealed record PairTimelineResult(double SharedSecondsA, double SharedSecondsB, double NpA, double NpB);
