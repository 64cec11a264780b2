using QuikGraph;

namespace GpuPool.Core.Tests.Matching;

/// <summary>
/// Seeded random graphs with scattered vertex ids and weights that are exact binary fractions
/// (multiples of 1/8, negatives and zeros included) so sums compare exactly.
/// </summary>
internal static class RandomGraphs
{
    public static UndirectedGraph<int, TaggedUndirectedEdge<int, double>> Create(int seed, int vertexCount, double density, bool smallIntegerWeights)
    {
        var random = new Random(seed);
        var ids = Enumerable.Range(0, vertexCount).Select(i => (i * 37) - 100).ToArray();
        random.Shuffle(ids);
        var edges = new List<(int U, int V, double W)>();
        for (var i = 0; i < vertexCount; i++)
        {
            for (var j = i + 1; j < vertexCount; j++)
            {
                if (random.NextDouble() < density)
                {
                    var w = smallIntegerWeights ? random.Next(-2, 5) : random.Next(-40, 161) / 8.0;
                    edges.Add((ids[i], ids[j], w));
                }
            }
        }

        return WeightedGraph.WithVertices(ids, [.. edges]);
    }
}
