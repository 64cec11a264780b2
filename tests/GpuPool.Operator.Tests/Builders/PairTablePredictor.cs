using GpuPool.Core.Jobs;
using GpuPool.Core.Prediction;
using GpuPool.Core.Sharing;

namespace GpuPool.Operator.Tests.Builders;

/// <summary>
/// Predicts <see cref="DefaultNp"/> for both jobs of every pair, except pairs listed as clashing
/// (NP 0.2 for both): enough to steer the real GpuPool policy in tests.
/// </summary>
public sealed class PairTablePredictor : IPairPredictor
{
    private readonly HashSet<(string, string)> _clashing = [];

    public double DefaultNp { get; init; } = 0.9;

    public PairTablePredictor Clash(string jobA, string jobB)
    {
        _clashing.Add((jobA, jobB));
        _clashing.Add((jobB, jobA));
        return this;
    }

    public IReadOnlyList<PairOutcome> Predict(Job a, Job b, IReadOnlyList<SharingSetting> settings)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        ArgumentNullException.ThrowIfNull(settings);
        var np = _clashing.Contains((Name(a), Name(b))) ? 0.2 : DefaultNp;
        return [.. settings.Select(s => new PairOutcome(s, np, np))];
    }

    private static string Name(Job job) => job.Id[(job.Id.IndexOf('/', StringComparison.Ordinal) + 1)..];
}
