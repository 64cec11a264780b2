namespace GpuPool.Simulation.Gpus;

/// <summary>
/// Hyper-parameters of the per-kernel terms: the ridge penalty pulling every term toward zero (so
/// a kernel with little data falls back to the counter model), the rank of the sensitivity x
/// pressure product per quota-basis entry, and the number of alternating passes.
/// </summary>
public sealed record KernelTermOptions
{
    public KernelTermOptions(double penalty, int rank, int passes = DefaultPasses)
    {
        if (!(penalty > 0))
        {
            throw new ArgumentOutOfRangeException(nameof(penalty), penalty, "penalty must be positive.");
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(rank, 0);
        ArgumentOutOfRangeException.ThrowIfLessThan(passes, 1);
        Penalty = penalty;
        Rank = rank;
        Passes = passes;
    }

    public const int DefaultPasses = 30;

    /// <summary>The candidates the calibrator chooses among by inner cross-validation.</summary>
    public static IReadOnlyList<KernelTermOptions> Candidates { get; } = [new(0.3, 1), new(1.0, 1), new(0.3, 2), new(1.0, 2)];

    public double Penalty { get; }

    public int Rank { get; }

    public int Passes { get; }
}
