namespace GpuPool.Prediction.JobWise;

/// <summary>
/// When the steady-state timeline may stop: after every epoch (each job completing at least
/// <see cref="StepIterations"/> more iterations) it compares each job's accumulated NP with the
/// previous epoch's and stops once both moved less than <see cref="Epsilon"/>.
/// </summary>
public sealed record SteadyStateOptions
{
    public int StepIterations { get; init; } = 5;

    public double Epsilon { get; init; } = 0.001;

    public SteadyStateOptions Validated()
    {
        if (StepIterations < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(StepIterations), StepIterations, "StepIterations must be at least 1.");
        }

        if (!(Epsilon > 0 && Epsilon < 1))
        {
            throw new ArgumentOutOfRangeException(nameof(Epsilon), Epsilon, "Epsilon must be in (0, 1).");
        }

        return this;
    }
}
