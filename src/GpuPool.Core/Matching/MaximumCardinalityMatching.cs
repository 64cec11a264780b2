using QuikGraph;

namespace GpuPool.Core.Matching;

/// <summary>Maximum cardinality matching on a general (not necessarily bipartite) undirected graph.</summary>
public static class MaximumCardinalityMatching
{
    /// <summary>
    /// Finds a matching with as many edges as possible. The optional weight only fills
    /// <see cref="MatchingResult.Weight"/>; it does not steer which maximum matching is returned.
    /// </summary>
    /// <exception cref="ArgumentException">A self-loop, parallel edges, or a non-finite weight.</exception>
    public static MatchingResult Find<TEdge>(IUndirectedGraph<int, TEdge> graph, Func<TEdge, double>? weight = null)
        where TEdge : IEdge<int>
    {
        var indexed = IndexedGraph.From(graph, weight);
        return indexed.ToResult(CardinalityBlossomSolver.Solve(indexed));
    }
}
