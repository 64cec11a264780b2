namespace GpuPool.Prediction.JobWise;

/// <summary>
/// One cell of an interference matrix: each job's rate and its reciprocal (slowness), side by side
/// so that the timeline's event reads one cache line, not four arrays.
/// </summary>
internal readonly record struct CellRates(double RateA, double RateB, double SlownessA, double SlownessB)
{
    public static CellRates Of(double rateA, double rateB) => new(rateA, rateB, 1.0 / rateA, 1.0 / rateB);
}
