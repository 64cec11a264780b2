namespace GpuPool.Core.Pairing;

/// <summary>
/// Which partners each vertex is considered with. All of them (exact), or, when sampled, the
/// vertices at s cyclic distances spread evenly over 1 .. (n-1)/2 on both sides: 2s partners per
/// vertex, and j is a candidate of i exactly when i is one of j's. The window's order is arrival
/// order, unrelated to what jobs run, so the sample is as good as a random one, and it is the same
/// on every run. Prediction then grows as n x s instead of n^2 / 2.
/// </summary>
internal sealed class CandidatePartners
{
    private readonly int _vertices;
    private readonly int[]? _distances;

    private CandidatePartners(int vertices, int[]? distances)
    {
        _vertices = vertices;
        _distances = distances;
    }

    /// <summary>True when every other vertex is a candidate.</summary>
    public bool IsAll => _distances is null;

    /// <param name="perSide">s; null, or 2s at least n - 1, means every partner.</param>
    public static CandidatePartners For(int vertices, int? perSide)
    {
        if (perSide is not { } s || 2L * s >= vertices - 1)
        {
            return new CandidatePartners(vertices, null);
        }

        var widest = (vertices - 1) / 2;
        var distances = Enumerable.Range(0, s).Select(t => 1 + (int)((long)t * widest / s)).Distinct().ToArray();
        return new CandidatePartners(vertices, distances);
    }

    /// <summary>The candidates of <paramref name="vertex"/> numbered above it, ascending.</summary>
    public IEnumerable<int> After(int vertex) =>
        _distances is null ? Enumerable.Range(vertex + 1, _vertices - vertex - 1) : Of(vertex).Where(j => j > vertex);

    /// <summary>The candidates of <paramref name="vertex"/>, ascending (every other vertex when <see cref="IsAll"/>).</summary>
    public List<int> Of(int vertex)
    {
        if (_distances is null)
        {
            return [.. Enumerable.Range(0, _vertices).Where(j => j != vertex)];
        }

        var partners = new List<int>(2 * _distances.Length);
        foreach (var d in _distances)
        {
            partners.Add((vertex + d) % _vertices);
            partners.Add((vertex - d + _vertices) % _vertices);
        }

        partners.Sort();
        return partners;
    }
}
