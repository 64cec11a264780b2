using GpuPool.Core.Matching;

namespace GpuPool.Core.Tests.Matching;

/// <summary>Both algorithms against exhaustive search on thousands of seeded random graphs.</summary>
public sealed class RandomizedMatchingTests
{
    private const int GraphsPerCase = 80;

    public static TheoryData<int, double, bool> Cases()
    {
        var data = new TheoryData<int, double, bool>();
        foreach (var n in new[] { 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12 })
        {
            foreach (var density in new[] { 0.15, 0.35, 0.6, 1.0 })
            {
                data.Add(n, density, n % 2 == 0);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Every_algorithm_matches_exhaustive_search(int vertexCount, double density, bool smallIntegerWeights)
    {
        for (var i = 0; i < GraphsPerCase; i++)
        {
            var seed = (vertexCount * 1_000_000) + ((int)(density * 100) * 1_000) + i;
            var graph = RandomGraphs.Create(seed, vertexCount, density, smallIntegerWeights);
            var expected = BruteForceMatching.Of(graph);
            var context = $"seed {seed}, n {vertexCount}, density {density}";

            var cardinality = MaximumCardinalityMatching.Find(graph);
            MatchingAssert.IsValidMatching(graph, cardinality, weighted: false);
            Assert.True(expected.MaxCardinality == cardinality.Cardinality, $"cardinality: {context}");

            var heaviest = MaximumWeightMatching.Find(graph, WeightedGraph.Weight);
            MatchingAssert.IsValidMatching(graph, heaviest, weighted: true);
            Assert.True(expected.MaxWeight == heaviest.Weight, $"weight {heaviest.Weight} vs {expected.MaxWeight}: {context}");

            var heaviestMaximum = MaximumWeightMatching.Find(graph, WeightedGraph.Weight, maxCardinality: true);
            MatchingAssert.IsValidMatching(graph, heaviestMaximum, weighted: true);
            Assert.True(expected.MaxCardinality == heaviestMaximum.Cardinality, $"max-cardinality size: {context}");
            Assert.True(
                expected.MaxWeightOfMaxCardinality == heaviestMaximum.Weight,
                $"max-cardinality weight {heaviestMaximum.Weight} vs {expected.MaxWeightOfMaxCardinality}: {context}");
        }
    }
}
