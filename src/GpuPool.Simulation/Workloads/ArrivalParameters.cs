namespace GpuPool.Simulation.Workloads;

/// <summary>
/// The shape of a job arrival process: a share of gaps that are zero (jobs submitted in the same
/// second, in bursts) and a log-normal for the others, in units of the mean gap so that it can be
/// rescaled to any cluster. <see cref="Philly"/> is the fit on the single-GPU jobs of the Philly
/// trace (docs/simulation.md names the command).
/// </summary>
public sealed record ArrivalParameters(double ZeroGapShare, double LogMean, double LogSigma)
{
    public static ArrivalParameters Philly { get; } = new(0.0839, -2.1047, 1.9991);
}
