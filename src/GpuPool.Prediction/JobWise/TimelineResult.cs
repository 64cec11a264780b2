namespace GpuPool.Prediction.JobWise;

/// <summary>
/// When each job of a pair finished and its NP; <see cref="Events"/> kernel completions were
/// stepped, and <see cref="Extrapolated"/> says the steady-state shortcut ended the run early.
/// </summary>
public readonly record struct TimelineResult(double EndA, double EndB, double NpA, double NpB, int Events, bool Extrapolated);
