using GpuPool.Core.Matching;
using QuikGraph;

namespace GpuPool.Core.Tests.Matching;

/// <summary>Checks that a result is a genuine matching of the graph and that its numbers add up.</summary>
internal static class MatchingAssert
{
    public static void IsValidMatching(UndirectedGraph<int, TaggedUndirectedEdge<int, double>> graph, MatchingResult result, bool weighted)
    {
        var used = new HashSet<int>();
        var total = 0.0;
        (int, int)? previous = null;
        foreach (var (a, b) in result.Pairs)
        {
            Assert.True(a < b, $"pair ({a}, {b}) is not smaller-first");
            Assert.True(previous is null || previous.Value.CompareTo((a, b)) < 0, "pairs are not sorted");
            previous = (a, b);
            Assert.True(graph.TryGetEdge(a, b, out var edge), $"({a}, {b}) is not an edge");
            Assert.True(used.Add(a) && used.Add(b), $"a vertex of ({a}, {b}) is matched twice");
            Assert.Equal(b, result.MateOf(a));
            Assert.Equal(a, result.MateOf(b));
            total += edge.Tag;
        }

        foreach (var v in graph.Vertices)
        {
            Assert.Equal(used.Contains(v), result.MateOf(v) is not null);
        }

        Assert.Equal(result.Pairs.Count, result.Cardinality);
        Assert.Equal(weighted ? total : 0, result.Weight);
    }
}
