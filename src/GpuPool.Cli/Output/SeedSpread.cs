using GpuPool.Simulation.Cluster;

namespace GpuPool.Cli.Output;

/// <summary>
/// One policy over several seeds: per column of <see cref="ResultColumns"/>, the mean, min and max
/// of the seeds where it applies (NaN when it applies to none).
/// </summary>
public sealed record SeedSpread(string Name, bool IsBound, IReadOnlyList<(double Mean, double Min, double Max)> Columns)
{
    /// <summary>One spread per policy, in the first seed's order; every seed must list the same policies.</summary>
    public static IReadOnlyList<SeedSpread> Of(IReadOnlyList<IReadOnlyList<PolicyResult>> seeds)
    {
        ArgumentNullException.ThrowIfNull(seeds);
        if (seeds.Count == 0)
        {
            return [];
        }

        return [.. seeds[0].Select((first, p) => new SeedSpread(
            first.Name,
            first.IsBound,
            [.. ResultColumns.All.Select(c => Spread([.. seeds.Select(s => c.Value(s[p], s))]))]))];
    }

    private static (double Mean, double Min, double Max) Spread(List<double> values)
    {
        var finite = values.Where(double.IsFinite).ToList();
        return finite.Count == 0 ? (double.NaN, double.NaN, double.NaN) : (finite.Average(), finite.Min(), finite.Max());
    }
}
