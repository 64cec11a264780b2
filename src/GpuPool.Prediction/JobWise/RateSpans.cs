namespace GpuPool.Prediction.JobWise;

/// <summary>
/// An interference matrix on the stack for the timeline's hot path: row-major rates of A's kernels
/// by B's, and their reciprocals (slowness), so that each event multiplies instead of dividing.
/// </summary>
internal readonly ref struct RateSpans(Span<double> rateA, Span<double> rateB, Span<double> slownessA, Span<double> slownessB)
{
    public Span<double> RateA { get; } = rateA;

    public Span<double> RateB { get; } = rateB;

    public Span<double> SlownessA { get; } = slownessA;

    public Span<double> SlownessB { get; } = slownessB;
}
