using QuikGraph;

namespace GpuPool.Core.Matching;

/// <summary>
/// A validated, densely indexed copy of a QuikGraph graph: the solvers work on flat arrays
/// because dictionary lookups and edge objects dominate the run time otherwise.
/// Vertices are numbered in ascending id order and each adjacency list is sorted by neighbour,
/// so the same input always yields the same matching.
/// </summary>
internal sealed class IndexedGraph
{
    private IndexedGraph(int[] vertexIds, int[] edgeU, int[] edgeV, double[]? edgeWeight)
    {
        VertexIds = vertexIds;
        EdgeU = edgeU;
        EdgeV = edgeV;
        EdgeWeight = edgeWeight;
        (AdjacencyStart, AdjacentVertex, AdjacentEdge) = BuildAdjacency(vertexIds, edgeU, edgeV);
    }

    public int[] VertexIds { get; }

    public int VertexCount => VertexIds.Length;

    public int EdgeCount => EdgeU.Length;

    public int[] EdgeU { get; }

    public int[] EdgeV { get; }

    public double[]? EdgeWeight { get; }

    /// <summary>Neighbours of dense vertex v are at [AdjacencyStart[v], AdjacencyStart[v + 1]).</summary>
    public int[] AdjacencyStart { get; }

    public int[] AdjacentVertex { get; }

    public int[] AdjacentEdge { get; }

    public int OtherEnd(int edge, int v) => EdgeU[edge] == v ? EdgeV[edge] : EdgeU[edge];

    /// <summary>The edge joining dense vertices u and v; they must be adjacent.</summary>
    public int EdgeBetween(int u, int v)
    {
        var at = Array.BinarySearch(AdjacentVertex, AdjacencyStart[u], AdjacencyStart[u + 1] - AdjacencyStart[u], v);
        return AdjacentEdge[at];
    }

    public static IndexedGraph From<TEdge>(IUndirectedGraph<int, TEdge> graph, Func<TEdge, double>? weight)
        where TEdge : IEdge<int>
    {
        ArgumentNullException.ThrowIfNull(graph);
        var ids = graph.Vertices.ToArray();
        Array.Sort(ids);
        var index = new Dictionary<int, int>(ids.Length);
        for (var i = 0; i < ids.Length; i++)
        {
            index[ids[i]] = i;
        }

        var count = graph.EdgeCount;
        var edgeU = new int[count];
        var edgeV = new int[count];
        var edgeWeight = weight is null ? null : new double[count];
        var k = 0;
        foreach (var edge in graph.Edges)
        {
            var (s, t) = (edge.Source, edge.Target);
            if (s == t)
            {
                throw new ArgumentException($"Edge ({s}, {t}) is a self-loop; a matching cannot use it.", nameof(graph));
            }

            if (weight is not null)
            {
                var w = weight(edge);
                if (!double.IsFinite(w))
                {
                    throw new ArgumentException($"Edge ({s}, {t}) has weight {w}; weights must be finite numbers.", nameof(weight));
                }

                edgeWeight![k] = w;
            }

            edgeU[k] = index[s];
            edgeV[k] = index[t];
            k++;
        }

        var indexed = new IndexedGraph(ids, edgeU, edgeV, edgeWeight);
        indexed.RejectParallelEdges(nameof(graph));
        return indexed;
    }

    private static (int[] Start, int[] Vertex, int[] Edge) BuildAdjacency(int[] ids, int[] edgeU, int[] edgeV)
    {
        var n = ids.Length;
        var start = new int[n + 1];
        for (var k = 0; k < edgeU.Length; k++)
        {
            start[edgeU[k] + 1]++;
            start[edgeV[k] + 1]++;
        }

        for (var v = 0; v < n; v++)
        {
            start[v + 1] += start[v];
        }

        var fill = new int[n];
        Array.Copy(start, fill, n);
        var vertex = new int[start[n]];
        var edge = new int[start[n]];
        for (var k = 0; k < edgeU.Length; k++)
        {
            var (u, v) = (edgeU[k], edgeV[k]);
            vertex[fill[u]] = v;
            edge[fill[u]++] = k;
            vertex[fill[v]] = u;
            edge[fill[v]++] = k;
        }

        for (var v = 0; v < n; v++)
        {
            Array.Sort(vertex, edge, start[v], start[v + 1] - start[v]);
        }

        return (start, vertex, edge);
    }

    private void RejectParallelEdges(string paramName)
    {
        for (var v = 0; v < VertexCount; v++)
        {
            for (var p = AdjacencyStart[v] + 1; p < AdjacencyStart[v + 1]; p++)
            {
                if (AdjacentVertex[p] == AdjacentVertex[p - 1])
                {
                    var (a, b) = (VertexIds[v], VertexIds[AdjacentVertex[p]]);
                    throw new ArgumentException(
                        $"Vertices {Math.Min(a, b)} and {Math.Max(a, b)} are joined by more than one edge; give each pair at most one edge.",
                        paramName);
                }
            }
        }
    }

    /// <summary>Turns a dense mate array (-1 = unmatched) into a result with the original ids.</summary>
    public MatchingResult ToResult(int[] mateVertex)
    {
        var pairs = new List<(int First, int Second)>();
        var total = 0.0;
        for (var v = 0; v < mateVertex.Length; v++)
        {
            var m = mateVertex[v];
            if (m > v)
            {
                pairs.Add((VertexIds[v], VertexIds[m]));
                if (EdgeWeight is not null)
                {
                    total += EdgeWeight[EdgeBetween(v, m)];
                }
            }
        }

        return new MatchingResult(pairs, total);
    }
}
