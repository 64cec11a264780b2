using GpuPool.Core.Pairing;
using GpuPool.Core.Prediction;
using GpuPool.Core.Tests.Builders;

namespace GpuPool.Core.Tests.Pairing;

/// <summary>Pruning keeps exactly the union of every vertex's k best admissible partners.</summary>
public class TopKPruningTests
{
    private static readonly PairingRule Rule = new(0.1, PairingRule.DefaultSettings);

    public static TheoryData<int, int> Cases()
    {
        var data = new TheoryData<int, int>();
        foreach (var k in new[] { 1, 2, 3, 5 })
        {
            for (var seed = 0; seed < 6; seed++)
            {
                data.Add(k, seed);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void An_edge_survives_exactly_when_one_of_its_ends_ranks_it_in_its_top_k(int k, int seed)
    {
        var batch = RandomWindow.Create(seed, pending: 30, applications: 3);
        var exact = PairingGraph.Build(batch, new ProfilePredictor(), Rule);
        var pruned = PairingGraph.Build(batch, new ProfilePredictor(), Rule, new PairingOptions { PruneTopK = k });

        // Expected from the exact graph alone: each vertex ranks its edges by STP, ties to the partner
        // that follows it most closely in cyclic order.
        var n = exact.Vertices.Count;
        var expected = new HashSet<(int, int)>();
        foreach (var vertex in exact.Graph.Vertices)
        {
            var top = exact.Graph.AdjacentEdges(vertex)
                .Select(e => (Partner: e.Source == vertex ? e.Target : e.Source, e.Tag.Weight))
                .OrderByDescending(p => p.Weight).ThenBy(p => (p.Partner - vertex + n) % n)
                .Take(k);
            foreach (var (partner, _) in top)
            {
                expected.Add((Math.Min(vertex, partner), Math.Max(vertex, partner)));
            }
        }

        var kept = GraphEdges.Of(pruned).Select(e => (e.I, e.J)).ToList();
        Assert.True(exact.Graph.EdgeCount > kept.Count, "the case must prune something");
        Assert.Equal(expected.Order(), kept.Order());
        Assert.All(pruned.Graph.Vertices, v => Assert.True(pruned.Graph.AdjacentDegree(v) >= Math.Min(k, exact.Graph.AdjacentDegree(v))));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-3)]
    public void A_k_below_one_is_rejected_naming_the_option(int k)
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => new PairingOptions { PruneTopK = k }.Validated());
        Assert.Equal(nameof(PairingOptions.PruneTopK), error.ParamName);
    }
}
