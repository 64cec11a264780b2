namespace GpuPool.Prediction.JobWise;

/// <summary>
/// Seconds each job of a pair takes per isolated second once it runs alone under its setting: 1
/// when it has the whole GPU, more when it keeps a share or a slice. At least 1, so a timeline
/// whose survivor runs slower than alone never beats the ceilings (<see cref="SteadyStateBounds"/>)
/// that assume the whole GPU.
/// </summary>
public readonly record struct AloneSlowness(double A, double B)
{
    /// <summary>Both jobs get the whole GPU back when the other ends.</summary>
    public static AloneSlowness WholeGpu { get; } = new(1.0, 1.0);

    public AloneSlowness Validated() =>
        A >= 1 && B >= 1 && double.IsFinite(A) && double.IsFinite(B)
            ? this
            : throw new ArgumentOutOfRangeException(nameof(AloneSlowness), this, "Alone slowness must be finite and at least 1 (no job runs faster alone under a share than with the whole GPU).");
}
