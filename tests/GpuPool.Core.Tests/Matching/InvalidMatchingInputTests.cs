using GpuPool.Core.Matching;
using QuikGraph;
using static GpuPool.Core.Tests.Matching.WeightedGraph;

namespace GpuPool.Core.Tests.Matching;

public sealed class InvalidMatchingInputTests
{
    public static TheoryData<string, UndirectedGraph<int, TaggedUndirectedEdge<int, double>>, string> Cases => new()
    {
        { "self-loop", Of((1, 2, 1), (3, 3, 1)), "Edge (3, 3) is a self-loop" },
        { "duplicate edge", Of((1, 2, 1), (5, 9, 1), (5, 9, 2)), "Vertices 5 and 9 are joined by more than one edge" },
        { "NaN weight", Of((1, 2, 1), (2, 4, double.NaN)), "Edge (2, 4) has weight NaN" },
        { "positive infinite weight", Of((1, 6, double.PositiveInfinity)), "Edge (1, 6) has weight Infinity" },
        { "negative infinite weight", Of((8, 9, double.NegativeInfinity)), "Edge (8, 9) has weight -Infinity" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Weighted_matching_names_the_offending_edge(string name, UndirectedGraph<int, TaggedUndirectedEdge<int, double>> graph, string message)
    {
        var error = Assert.ThrowsAny<ArgumentException>(() => MaximumWeightMatching.Find(graph, Weight, maxCardinality: true));

        Assert.True(error.Message.Contains(message, StringComparison.Ordinal), $"{name}: {error.Message}");
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Cardinality_matching_with_weights_names_the_offending_edge(string name, UndirectedGraph<int, TaggedUndirectedEdge<int, double>> graph, string message)
    {
        var error = Assert.ThrowsAny<ArgumentException>(() => MaximumCardinalityMatching.Find(graph, Weight));

        Assert.True(error.Message.Contains(message, StringComparison.Ordinal), $"{name}: {error.Message}");
    }

    [Fact]
    public void A_missing_weight_function_is_rejected()
    {
        Assert.Throws<ArgumentNullException>(() => MaximumWeightMatching.Find(Of((1, 2, 1)), null!));
    }
}
