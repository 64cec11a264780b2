using GpuPool.Core.Jobs;
using GpuPool.Core.Prediction;
using GpuPool.Core.Sharing;

namespace GpuPool.Core.Tests.Builders;

/// <summary>
/// A predictor for tests: every pair gets <see cref="DefaultNp"/> for both jobs unless the table
/// says otherwise; a table entry gives the NP of each job of an unordered pair, the same under
/// every setting unless a per-share entry exists.
/// </summary>
internal sealed class TablePredictor : IPairPredictor
{
    private readonly Dictionary<(string, string, double), (double, double)> _table = [];

    public double DefaultNp { get; init; } = 0.3;

    public int Calls { get; private set; }

    public TablePredictor With(string a, string b, double npA, double npB, double? shareA = null)
    {
        _table[(a, b, shareA ?? -1)] = (npA, npB);
        if (shareA is null)
        {
            _table[(b, a, -1)] = (npB, npA);
        }

        return this;
    }

    public IReadOnlyList<PairOutcome> Predict(Job a, Job b, IReadOnlyList<SharingSetting> settings)
    {
        Calls++;
        return settings.Select(s =>
        {
            var (npA, npB) = _table.TryGetValue((a.Id, b.Id, s.ShareA), out var exact) ? exact
                : _table.TryGetValue((b.Id, a.Id, s.ShareB), out var swapped) ? (swapped.Item2, swapped.Item1)
                : _table.TryGetValue((a.Id, b.Id, -1), out var any) ? any
                : (DefaultNp, DefaultNp);
            return new PairOutcome(s, npA, npB);
        }).ToList();
    }
}
