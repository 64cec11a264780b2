namespace GpuPool.Simulation.Gpus;

/// <summary>
/// A smooth correction of the measured-kernel model's exponent, learned from how that model errs on
/// kernel pairs it was not fitted on: a <see cref="ResidualSmoother"/> from the pair's contention
/// features, quota basis and the model's own answer (as exponent and as NP) to the exponent
/// residual. It is fitted on out-of-fold residuals (each from a model that never saw that pair),
/// so it learns the error of predicting an unseen pair, and is applied only there: a pair it was
/// fitted on (measured, so in the model's own fit) keeps the model's exponent. None: zero.
/// </summary>
public sealed class ExponentCorrection
{
    private readonly ResidualSmoother _smoother;
    private readonly HashSet<string> _fittedPairs;

    private ExponentCorrection(ResidualSmoother smoother, HashSet<string> fittedPairs)
    {
        _smoother = smoother;
        _fittedPairs = fittedPairs;
    }

    public static ExponentCorrection None { get; } = new(ResidualSmoother.None, []);

    public bool IsNone => _smoother.Count == 0;

    /// <param name="samples">Co-run samples.</param>
    /// <param name="exponents">The model's exponent for each sample, from a fit that did not see the sample's pair.</param>
    /// <param name="options">Kernel width and penalty.</param>
    public static ExponentCorrection Fit(IReadOnlyList<ContentionSample> samples, IReadOnlyList<double> exponents, SmootherOptions options)
    {
        ArgumentNullException.ThrowIfNull(samples);
        ArgumentNullException.ThrowIfNull(exponents);
        if (samples.Count != exponents.Count)
        {
            throw new ArgumentException($"Need one exponent per sample ({samples.Count}), got {exponents.Count}.", nameof(exponents));
        }

        var smoother = ResidualSmoother.Fit(
            [.. samples.Select((s, i) => Point(s, exponents[i]))],
            [.. samples.Select((s, i) => s.Target - exponents[i])],
            options);
        return new(smoother, [.. samples.Select(s => s.PairKey)]);
    }

    /// <summary>What to add to <paramref name="exponent"/>, the model's exponent for <paramref name="sample"/> (0 for a fitted pair).</summary>
    public double Of(ContentionSample sample, double exponent)
    {
        ArgumentNullException.ThrowIfNull(sample);
        return IsNone || _fittedPairs.Contains(sample.PairKey) ? 0 : _smoother.At(Point(sample, exponent));
    }

    // Constant coordinates (the bias feature, the basis's 1) are dropped by the smoother.
    private static double[] Point(ContentionSample s, double exponent) =>
        [.. s.Features, .. s.Basis, ContentionModel.Rate(s.AloneRate, exponent), exponent];
}
