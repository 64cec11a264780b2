namespace GpuPool.Simulation.Workloads;

/// <summary>
/// A triangular distribution from three summary statistics (minimum, median as the mode, maximum):
/// all the synthetic kernel generator keeps of the data it imitates.
/// </summary>
public readonly record struct Triangular(double Min, double Mode, double Max)
{
    public double Sample(Random random)
    {
        ArgumentNullException.ThrowIfNull(random);
        if (Max <= Min)
        {
            return Min;
        }

        var u = random.NextDouble();
        var split = (Mode - Min) / (Max - Min);
        return u < split
            ? Min + Math.Sqrt(u * (Max - Min) * (Mode - Min))
            : Max - Math.Sqrt((1 - u) * (Max - Min) * (Max - Mode));
    }

    /// <summary>Sampled in log space: for quantities spanning orders of magnitude (durations, grids).</summary>
    public double SampleLog(Random random) =>
        Math.Exp(new Triangular(Math.Log(Min), Math.Log(Mode), Math.Log(Max)).Sample(random));
}
