namespace GpuPool.Simulation.Workloads;

/// <summary>
/// A triangular distribution from three summary statistics (minimum, median as the mode, maximum):
/// all the synthetic kernel generator keeps of the data it imitates.
/// </summary>
public readonly record struct Triangular(double Min, double Mode, double Max)
{
    /// <summary>One uniform draw of <paramref name="random"/> by the inverse CDF; a point (Max &lt;= Min) is Min and draws nothing.</summary>
    public double Sample(Random random)
    {
        ArgumentNullException.ThrowIfNull(random);
        return Max <= Min ? Min : MathNet.Numerics.Distributions.Triangular.Sample(random, Min, Max, Mode);
    }

    /// <summary>Sampled in log space: for quantities spanning orders of magnitude (durations, grids).</summary>
    public double SampleLog(Random random) =>
        Math.Exp(new Triangular(Math.Log(Min), Math.Log(Mode), Math.Log(Max)).Sample(random));
}
