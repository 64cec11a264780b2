using QuikGraph;

namespace GpuPool.Benchmarks;

/// <summary>Seeded Erdős–Rényi graphs with integer weights in [1, 1000] carried as the edge tag.</summary>
internal static class BenchGraph
{
    public static Func<TaggedUndirectedEdge<int, double>, double> Weight { get; } = e => e.Tag;

    public static UndirectedGraph<int, TaggedUndirectedEdge<int, double>> Create(int vertexCount, double edgeProbability, int seed)
    {
        var random = new Random(seed);
        var graph = new UndirectedGraph<int, TaggedUndirectedEdge<int, double>>(allowParallelEdges: true);
        graph.AddVertexRange(Enumerable.Range(0, vertexCount));
        for (var u = 0; u < vertexCount; u++)
        {
            for (var v = u + 1; v < vertexCount; v++)
            {
                if (random.NextDouble() < edgeProbability)
                {
                    graph.AddEdge(new TaggedUndirectedEdge<int, double>(u, v, random.Next(1, 1001)));
                }
            }
        }

        return graph;
    }
}
