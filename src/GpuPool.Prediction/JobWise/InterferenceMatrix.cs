namespace GpuPool.Prediction.JobWise;

/// <summary>
/// The paper's interference matrix for two jobs: for kernel i of job A beside kernel j of job B,
/// the progress rate (NP) of each. Row-major, A's kernels by B's kernels.
/// </summary>
public sealed class InterferenceMatrix
{
    private readonly double[] _rateA;
    private readonly double[] _rateB;

    public InterferenceMatrix(int kernelsA, int kernelsB, double[] rateA, double[] rateB)
    {
        ArgumentNullException.ThrowIfNull(rateA);
        ArgumentNullException.ThrowIfNull(rateB);
        if (kernelsA <= 0 || kernelsB <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(kernelsA), $"An interference matrix needs at least one kernel per job (got {kernelsA} x {kernelsB}).");
        }

        if (rateA.Length != kernelsA * kernelsB || rateB.Length != kernelsA * kernelsB)
        {
            throw new ArgumentException($"Rates must have {kernelsA * kernelsB} entries (got {rateA.Length} and {rateB.Length}).", nameof(rateA));
        }

        var bad = Array.FindIndex(rateA, r => !(r > 0 && double.IsFinite(r)));
        var badB = Array.FindIndex(rateB, r => !(r > 0 && double.IsFinite(r)));
        if (bad >= 0 || badB >= 0)
        {
            var (name, index, value) = bad >= 0 ? ("A", bad, rateA[bad]) : ("B", badB, rateB[badB]);
            throw new ArgumentException($"Rate of job {name} at cell ({index / kernelsB}, {index % kernelsB}) is {value}; rates must be positive and finite.", nameof(rateA));
        }

        KernelsA = kernelsA;
        KernelsB = kernelsB;
        _rateA = rateA;
        _rateB = rateB;
    }

    public int KernelsA { get; }

    public int KernelsB { get; }

    /// <summary>A matrix where every pair progresses at the same constant rates.</summary>
    public static InterferenceMatrix Uniform(int kernelsA, int kernelsB, double rateA, double rateB) =>
        new(kernelsA, kernelsB, Enumerable.Repeat(rateA, kernelsA * kernelsB).ToArray(), Enumerable.Repeat(rateB, kernelsA * kernelsB).ToArray());

    public double RateA(int i, int j) => _rateA[(i * KernelsB) + j];

    public double RateB(int i, int j) => _rateB[(i * KernelsB) + j];

    /// <summary>Throws unless the matrix has one row per kernel of <paramref name="a"/> and one column per kernel of <paramref name="b"/>.</summary>
    public void RequireFits(KernelSequence a, KernelSequence b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        if (KernelsA != a.Durations.Length || KernelsB != b.Durations.Length)
        {
            throw new ArgumentException($"The matrix is {KernelsA} x {KernelsB} but the jobs have {a.Durations.Length} and {b.Durations.Length} kernels.", nameof(a));
        }
    }

    internal ReadOnlySpan<double> RatesA => _rateA;

    internal ReadOnlySpan<double> RatesB => _rateB;
}
