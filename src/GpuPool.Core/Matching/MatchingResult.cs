namespace GpuPool.Core.Matching;

/// <summary>
/// A matching on an undirected graph: each pair appears once with the smaller vertex first,
/// pairs sorted ascending.
/// </summary>
public sealed record MatchingResult
{
    private readonly Dictionary<int, int> _mates;

    public MatchingResult(IReadOnlyList<(int First, int Second)> pairs, double weight)
    {
        ArgumentNullException.ThrowIfNull(pairs);
        var normalized = new List<(int First, int Second)>(pairs.Count);
        _mates = new Dictionary<int, int>(pairs.Count * 2);
        foreach (var (a, b) in pairs)
        {
            if (a == b || !_mates.TryAdd(a, b) || !_mates.TryAdd(b, a))
            {
                throw new ArgumentException($"Pair ({a}, {b}) reuses a vertex; a matching uses each vertex at most once.", nameof(pairs));
            }

            normalized.Add(a < b ? (a, b) : (b, a));
        }

        normalized.Sort();
        Pairs = normalized;
        Weight = weight;
    }

    public static MatchingResult Empty { get; } = new([], 0);

    public IReadOnlyList<(int First, int Second)> Pairs { get; }

    public int Cardinality => Pairs.Count;

    /// <summary>Sum of the chosen edges' weights; 0 when no weight function was given.</summary>
    public double Weight { get; }

    public int? MateOf(int v) => _mates.TryGetValue(v, out var mate) ? mate : null;
}
