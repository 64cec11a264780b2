using QuikGraph;

namespace GpuPool.Core.Tests.Matching;

/// <summary>
/// Test-only reference: exhaustive search over all matchings of a small graph (at most 20
/// vertices), memoised on the set of still-unused vertices. It decides, for the lowest unused
/// vertex, "leave it unmatched" or "match it to each unused neighbour" and keeps the best.
/// </summary>
internal sealed class BruteForceMatching
{
    private readonly int _n;
    private readonly double?[,] _weight;
    private readonly Dictionary<int, (double Weight, int MaxCardinality, double BestWeightOfMaxCardinality)> _memo = [];

    private BruteForceMatching(UndirectedGraph<int, TaggedUndirectedEdge<int, double>> graph)
    {
        var ids = graph.Vertices.Order().ToArray();
        _n = ids.Length;
        _weight = new double?[_n, _n];
        foreach (var e in graph.Edges)
        {
            var (a, b) = (Array.IndexOf(ids, e.Source), Array.IndexOf(ids, e.Target));
            _weight[a, b] = _weight[b, a] = e.Tag;
        }
    }

    public int MaxCardinality { get; private init; }

    public double MaxWeight { get; private init; }

    public double MaxWeightOfMaxCardinality { get; private init; }

    public static BruteForceMatching Of(UndirectedGraph<int, TaggedUndirectedEdge<int, double>> graph)
    {
        var search = new BruteForceMatching(graph);
        var all = (1 << search._n) - 1;
        var best = search.Best(all);
        return new BruteForceMatching(graph)
        {
            MaxCardinality = best.MaxCardinality,
            MaxWeight = best.Weight,
            MaxWeightOfMaxCardinality = best.BestWeightOfMaxCardinality,
        };
    }

    private (double Weight, int MaxCardinality, double BestWeightOfMaxCardinality) Best(int unused)
    {
        if (unused == 0)
        {
            return (0, 0, 0);
        }

        if (_memo.TryGetValue(unused, out var known))
        {
            return known;
        }

        var v = System.Numerics.BitOperations.TrailingZeroCount(unused);
        var rest = unused & ~(1 << v);
        var skip = Best(rest);
        var (maxWeight, maxCard, bestOfMax) = (skip.Weight, skip.MaxCardinality, skip.BestWeightOfMaxCardinality);
        for (var u = v + 1; u < _n; u++)
        {
            if ((rest & (1 << u)) == 0 || _weight[v, u] is not { } w)
            {
                continue;
            }

            var sub = Best(rest & ~(1 << u));
            maxWeight = Math.Max(maxWeight, sub.Weight + w);
            var card = sub.MaxCardinality + 1;
            var weightAtCard = sub.BestWeightOfMaxCardinality + w;
            if (card > maxCard || (card == maxCard && weightAtCard > bestOfMax))
            {
                (maxCard, bestOfMax) = (card, weightAtCard);
            }
        }

        var result = (maxWeight, maxCard, bestOfMax);
        _memo[unused] = result;
        return result;
    }
}
