using GpuPool.Core.Matching;
using static GpuPool.Core.Tests.Matching.WeightedGraph;

namespace GpuPool.Core.Tests.Matching;

public sealed class MaximumWeightMatchingTests
{
    public static TheoryData<string, (int U, int V, double W)[], bool, (int, int)[], double> PairCases => new()
    {
        { "heavy middle edge beats two light ones", [(1, 2, 1), (2, 3, 3), (3, 4, 1)], false, [(2, 3)], 3 },
        { "maximum cardinality first, then weight", [(1, 2, 1), (2, 3, 3), (3, 4, 1)], true, [(1, 2), (3, 4)], 2 },
        { "negative edge is left out", [(1, 2, -1)], false, [], 0 },
        { "negative edge is taken for cardinality", [(1, 2, -1)], true, [(1, 2)], -1 },
        { "heaviest triangle edge", [(1, 2, 5), (2, 3, 6), (1, 3, 7)], false, [(1, 3)], 7 },
        { "pendant completes a 5-cycle", [.. Cycle(1, 2, 3, 4, 5), (6, 1, 0.5)], false, [(1, 6), (2, 3), (4, 5)], 2.5 },
        // The search first grows triangle 1-2-4 into a blossom that later turns inner and must be
        // dissolved before the optimum {1-3, 2-4} appears.
        {
            "inner blossom expanded mid-search",
            [(1, 2, 15.75), (2, 3, -4.375), (2, 4, 11.75), (5, 2, 6.625), (1, 3, 13.375), (1, 4, 17.25)],
            false, [(1, 3), (2, 4)], 25.125
        },
        { "empty graph", [], true, [], 0 },
    };

    [Theory]
    [MemberData(nameof(PairCases))]
    public void Finds_the_expected_pairs(string name, (int U, int V, double W)[] edges, bool maxCardinality, (int, int)[] pairs, double weight)
    {
        var graph = Of(edges);

        var result = MaximumWeightMatching.Find(graph, Weight, maxCardinality);

        MatchingAssert.IsValidMatching(graph, result, weighted: true);
        Assert.True(pairs.SequenceEqual(result.Pairs), name);
        Assert.Equal(weight, result.Weight);
    }

    [Fact]
    public void Nested_blossoms_expanded_mid_search_still_give_the_optimum()
    {
        // Found by seeded search: the solver builds a blossom inside a blossom, the outer one turns
        // inner and is dissolved while its child stays whole.
        var graph = Of(
            (-100, 122, 2.125), (-100, -26, 16.875), (-100, 48, 16.125), (-100, -63, 5.375), (-100, 11, 1.125),
            (-100, 85, 16), (-26, 122, 13.25), (48, 122, 17.875), (-63, 122, 9.875), (11, 122, 12.625),
            (85, 122, 15.125), (-26, 48, 1.125), (-63, -26, 3.125), (-26, 11, 12.375), (-26, 85, 17.375),
            (-63, 48, 13.625), (11, 48, 14.375), (48, 85, -1.75), (-63, 11, 6.25), (-63, 85, 1.375), (11, 85, -2.25));

        var result = MaximumWeightMatching.Find(graph, Weight);

        MatchingAssert.IsValidMatching(graph, result, weighted: true);
        Assert.Equal(BruteForceMatching.Of(graph).MaxWeight, result.Weight);
    }

    [Fact]
    public void Isolated_vertices_and_scattered_ids_are_kept_apart()
    {
        var graph = WithVertices([-7, 500], (300, -40, 2), (-40, 12, 3), (12, 300, 4));

        var result = MaximumWeightMatching.Find(graph, Weight);

        Assert.Equal([(12, 300)], result.Pairs);
        Assert.Null(result.MateOf(-7));
        Assert.Null(result.MateOf(-40));
    }

    [Fact]
    public void Same_input_gives_the_same_matching()
    {
        var first = MaximumWeightMatching.Find(RandomGraphs.Create(7, 12, 0.5, smallIntegerWeights: true), Weight);
        var second = MaximumWeightMatching.Find(RandomGraphs.Create(7, 12, 0.5, smallIntegerWeights: true), Weight);

        Assert.Equal(first.Pairs, second.Pairs);
    }
}
