using QuikGraph;

namespace GpuPool.Core.Matching;

/// <summary>Maximum weight matching on a general (not necessarily bipartite) undirected graph.</summary>
public static class MaximumWeightMatching
{
    /// <summary>
    /// Finds a matching of greatest total weight; edges of negative weight are never chosen unless
    /// <paramref name="maxCardinality"/> asks for the heaviest matching among those of maximum size.
    /// </summary>
    /// <exception cref="ArgumentException">A self-loop, parallel edges, or a non-finite weight.</exception>
    public static MatchingResult Find<TEdge>(IUndirectedGraph<int, TEdge> graph, Func<TEdge, double> weight, bool maxCardinality = false)
        where TEdge : IEdge<int>
    {
        ArgumentNullException.ThrowIfNull(weight);
        var indexed = IndexedGraph.From(graph, weight);
        return indexed.ToResult(WeightedBlossomSolver.Solve(indexed, maxCardinality));
    }
}
