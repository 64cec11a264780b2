namespace GpuPool.Core.Prediction;

/// <summary>The NP of job A and job B under one setting: a <see cref="PairOutcome"/> without its setting, as a value.</summary>
public readonly record struct PairNp(double NpA, double NpB)
{
    /// <summary>The pair's system throughput: both NPs together.</summary>
    public double Stp => NpA + NpB;

    public static PairNp Of(PairOutcome outcome)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        return new PairNp(outcome.NpA, outcome.NpB);
    }
}
