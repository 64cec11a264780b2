namespace GpuPool.Cli.Profiles;

/// <summary>
/// One scheduler counter read from an Nsight Compute metric: the first of <see cref="Metrics"/>
/// the report has, times <see cref="Factor"/>, or 1 minus that when <see cref="Complement"/>
/// (a hit rate read as a miss rate).
/// </summary>
public sealed record NcuCounter(string Counter, IReadOnlyList<string> Metrics, double Factor, bool Complement = false, bool ByteRate = false)
{
    /// <summary>The counter's value from a metric value (already in its base unit when <see cref="ByteRate"/>).</summary>
    public double From(double value) => MetricUnits.Tidy(Complement ? 1 - (value * Factor) : value * Factor);
}
