namespace GpuPool.Prediction.JobWise;

/// <summary>
/// Upper bounds on the NPs <see cref="SteadyStateTimeline"/> returns, from the interference matrix
/// alone in O(kernels x kernels): a pairing rule can drop a setting whose bound already misses a
/// QoS floor without running the timeline. The bounds hold for every run, stepped or extrapolated
/// (docs/prediction.md derives them); they are not estimates.
/// </summary>
public static class SteadyStateBounds
{
    // Rounding in the timeline's sums must never push a result past its bound.
    private const double RoundingSlack = 1e-9;

    public static (double NpA, double NpB) Run(KernelSequence a, KernelSequence b, InterferenceMatrix matrix, SteadyStateOptions options)
    {
        ArgumentNullException.ThrowIfNull(matrix);
        ArgumentNullException.ThrowIfNull(options);
        matrix.RequireFits(a, b);

        var fastestA = new double[matrix.KernelsA];
        var fastestB = new double[matrix.KernelsB];
        for (var i = 0; i < matrix.KernelsA; i++)
        {
            for (var j = 0; j < matrix.KernelsB; j++)
            {
                fastestA[i] = Math.Max(fastestA[i], matrix.RateA(i, j));
                fastestB[j] = Math.Max(fastestB[j], matrix.RateB(i, j));
            }
        }

        return Run(a, b, fastestA, fastestB, options.Validated());
    }

    /// <summary>
    /// The same from each kernel's fastest rate: A's kernel i beside any of B's kernels
    /// (<paramref name="fastestA"/>), B's kernel j beside any of A's (<paramref name="fastestB"/>).
    /// </summary>
    internal static (double NpA, double NpB) Run(KernelSequence a, KernelSequence b, ReadOnlySpan<double> fastestA, ReadOnlySpan<double> fastestB, SteadyStateOptions options)
    {
        var envelopeA = WorkEnvelope.Of(a, fastestA, options.StepIterations);
        var envelopeB = WorkEnvelope.Of(b, fastestB, options.StepIterations);
        return (Bound(envelopeA, a.TotalSeconds, envelopeB.TimeToDo(b.TotalSeconds)),
                Bound(envelopeB, b.TotalSeconds, envelopeA.TimeToDo(a.TotalSeconds)));
    }

    /// <summary>
    /// A job ends either while its partner still runs (NP at most its work over the earliest time it
    /// can do it) or after the partner ended at the earliest at <paramref name="partnerEarliestEnd"/>,
    /// the rest alone at rate 1. Both are bounds only while every co-run rate is at most 1; otherwise
    /// no run can beat the fastest rate.
    /// </summary>
    private static double Bound(WorkEnvelope envelope, double total, double partnerEarliestEnd)
    {
        if (envelope.FastestRate > 1)
        {
            return envelope.FastestRate * (1 + RoundingSlack);
        }

        var endsFirst = total / envelope.TimeToDo(total);
        var endsAlone = total / (partnerEarliestEnd + total - Math.Min(total, envelope.MostWorkBy(partnerEarliestEnd)));
        return Math.Max(endsFirst, endsAlone) * (1 + RoundingSlack);
    }
}
