namespace GpuPool.Simulation.Gpus;

/// <summary>
/// Hyper-parameters of the <see cref="ResidualSmoother"/>: the kernel width h in standard
/// deviations per coordinate and the ridge penalty lambda on the kernel system.
/// </summary>
public sealed record SmootherOptions
{
    public SmootherOptions(double width, double penalty)
    {
        if (!(width > 0))
        {
            throw new ArgumentOutOfRangeException(nameof(width), width, "width must be positive.");
        }

        if (!(penalty > 0))
        {
            throw new ArgumentOutOfRangeException(nameof(penalty), penalty, "penalty must be positive.");
        }

        Width = width;
        Penalty = penalty;
    }

    /// <summary>The candidates the calibrator chooses among (or none) by inner cross-validation.</summary>
    public static IReadOnlyList<SmootherOptions> Candidates { get; } = [new(0.5, 0.3), new(0.7, 0.3), new(1.0, 0.3), new(0.5, 1.0), new(0.7, 1.0), new(1.0, 1.0)];

    public double Width { get; }

    public double Penalty { get; }
}
