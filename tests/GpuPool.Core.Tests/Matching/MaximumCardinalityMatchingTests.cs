using GpuPool.Core.Matching;
using static GpuPool.Core.Tests.Matching.WeightedGraph;

namespace GpuPool.Core.Tests.Matching;

public sealed class MaximumCardinalityMatchingTests
{
    public static TheoryData<string, (int U, int V, double W)[], int> OddCycleCases => new()
    {
        { "triangle", Cycle(1, 2, 3), 1 },
        { "5-cycle", Cycle(1, 2, 3, 4, 5), 2 },
        { "7-cycle with a two-vertex tail", [.. Cycle(0, 1, 2, 3, 4, 5, 6), .. Path(6, 7, 8)], 4 },
        // Triangle 1-2-3 inside the 5-cycle 1-2-4-5-3, reached from 0 and with pendants 6 and 7.
        { "blossom inside a blossom", [.. Cycle(1, 2, 3), .. Path(2, 4, 5, 3), (0, 1, 1), (5, 6, 1), (4, 7, 1)], 4 },
        { "two triangles joined by a path", [.. Cycle(1, 2, 3), .. Path(3, 4, 5), .. Cycle(5, 6, 7)], 3 },
        { "Petersen graph", [.. Cycle(0, 1, 2, 3, 4), .. Cycle(5, 7, 9, 6, 8), (0, 5, 1), (1, 6, 1), (2, 7, 1), (3, 8, 1), (4, 9, 1)], 5 },
    };

    [Theory]
    [MemberData(nameof(OddCycleCases))]
    public void Odd_cycles_are_matched_through_their_blossoms(string name, (int U, int V, double W)[] edges, int expected)
    {
        var graph = Of(edges);

        var result = MaximumCardinalityMatching.Find(graph);

        MatchingAssert.IsValidMatching(graph, result, weighted: false);
        Assert.True(expected == result.Cardinality, name);
    }

    [Fact]
    public void A_seven_cycle_with_a_pendant_has_one_perfect_matching()
    {
        var graph = Of([.. Cycle(0, 1, 2, 3, 4, 5, 6), (0, 7, 1)]);

        var result = MaximumCardinalityMatching.Find(graph);

        Assert.Equal([(0, 7), (1, 2), (3, 4), (5, 6)], result.Pairs);
    }

    [Fact]
    public void An_empty_graph_has_an_empty_matching()
    {
        var result = MaximumCardinalityMatching.Find(Of());

        Assert.Empty(result.Pairs);
        Assert.Equal(0, result.Cardinality);
        Assert.Null(result.MateOf(0));
    }

    [Fact]
    public void Isolated_vertices_stay_unmatched()
    {
        var graph = WithVertices([4, 9, 11], (1, 2, 1));

        var result = MaximumCardinalityMatching.Find(graph);

        Assert.Equal([(1, 2)], result.Pairs);
        Assert.Null(result.MateOf(4));
        Assert.Null(result.MateOf(9));
        Assert.Null(result.MateOf(11));
    }

    [Fact]
    public void Vertex_ids_need_not_be_contiguous_or_positive()
    {
        var graph = Of(Path(1000, -5, 42, 7));

        var result = MaximumCardinalityMatching.Find(graph);

        Assert.Equal([(-5, 1000), (7, 42)], result.Pairs);
        Assert.Equal(1000, result.MateOf(-5));
    }

    [Fact]
    public void A_weight_function_only_reports_the_weight_of_the_chosen_edges()
    {
        var graph = Of((1, 2, 2.5), (2, 3, 10), (3, 4, 0.25));

        var result = MaximumCardinalityMatching.Find(graph, Weight);

        Assert.Equal([(1, 2), (3, 4)], result.Pairs);
        Assert.Equal(2.75, result.Weight);
    }
}
