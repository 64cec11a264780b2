using QuikGraph;

namespace GpuPool.Core.Tests.Matching;

/// <summary>Small builder for weighted undirected test graphs; the weight travels as the edge tag.</summary>
internal static class WeightedGraph
{
    public static Func<TaggedUndirectedEdge<int, double>, double> Weight { get; } = e => e.Tag;

    /// <summary>Edges as (u, v, weight); endpoints are stored smaller-first as QuikGraph requires.</summary>
    public static UndirectedGraph<int, TaggedUndirectedEdge<int, double>> Of(params (int U, int V, double W)[] edges) =>
        WithVertices([], edges);

    public static UndirectedGraph<int, TaggedUndirectedEdge<int, double>> WithVertices(int[] vertices, params (int U, int V, double W)[] edges)
    {
        var graph = new UndirectedGraph<int, TaggedUndirectedEdge<int, double>>(allowParallelEdges: true);
        graph.AddVertexRange(vertices);
        foreach (var (u, v, w) in edges)
        {
            graph.AddVerticesAndEdge(new TaggedUndirectedEdge<int, double>(Math.Min(u, v), Math.Max(u, v), w));
        }

        return graph;
    }

    /// <summary>Unit-weight edges along a path of vertices.</summary>
    public static (int U, int V, double W)[] Path(params int[] vertices)
    {
        var edges = new (int U, int V, double W)[vertices.Length - 1];
        for (var i = 0; i + 1 < vertices.Length; i++)
        {
            edges[i] = (vertices[i], vertices[i + 1], 1);
        }

        return edges;
    }

    /// <summary>Unit-weight edges around a cycle of vertices.</summary>
    public static (int U, int V, double W)[] Cycle(params int[] vertices) =>
        [.. Path(vertices), (vertices[^1], vertices[0], 1)];
}
