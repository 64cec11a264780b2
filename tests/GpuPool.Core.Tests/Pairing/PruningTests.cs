using GpuPool.Core.Jobs;
using GpuPool.Core.Matching;
using GpuPool.Core.Pairing;
using GpuPool.Core.Placement;
using GpuPool.Core.Prediction;
using GpuPool.Core.Tests.Builders;

namespace GpuPool.Core.Tests.Pairing;

/// <summary>What pruning to k partners per vertex keeps: its best half, a spread half, nothing invented.</summary>
public class PruningTests
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
    public void Every_vertex_keeps_k_exact_edges_its_best_half_among_them(int k, int seed)
    {
        var batch = RandomWindow.Create(seed, pending: 30, applications: 3);
        var exact = PairingGraph.Build(batch, new ProfilePredictor(), Rule);
        var pruned = PairingGraph.Build(batch, new ProfilePredictor(), Rule, new PairingOptions { PruneTopK = k });

        var exactEdges = GraphEdges.Of(exact).ToHashSet();
        var prunedEdges = GraphEdges.Of(pruned);
        Assert.True(exact.Graph.EdgeCount > prunedEdges.Count, "the case must prune something");
        Assert.All(prunedEdges, e => Assert.Contains(e, exactEdges));
        Assert.Equal(prunedEdges.Count, prunedEdges.Distinct().Count());

        var n = exact.Vertices.Count;
        foreach (var vertex in exact.Graph.Vertices)
        {
            // Its ceil(k/2) best partners by STP (ties: the nearest after it in cyclic order) survive.
            var best = exact.Graph.AdjacentEdges(vertex)
                .Select(e => (Partner: e.Source == vertex ? e.Target : e.Source, Weight: e.Tag.Stp))
                .OrderByDescending(p => p.Weight).ThenBy(p => (p.Partner - vertex + n) % n)
                .Take((k + 1) / 2);
            Assert.All(best, p => Assert.True(pruned.Graph.ContainsEdge(vertex, p.Partner) || pruned.Graph.ContainsEdge(p.Partner, vertex)));
            Assert.True(pruned.Graph.AdjacentDegree(vertex) >= Math.Min(k, exact.Graph.AdjacentDegree(vertex)));
        }
    }

    [Theory]
    [InlineData(2)]
    [InlineData(4)]
    public void Universally_good_partners_do_not_turn_the_graph_into_a_star(int k)
    {
        // Three hubs pair perfectly with everyone; the 30 others pair fairly well with each other.
        var jobs = Enumerable.Range(0, 33).Select(i => Build.Job(i < 3 ? $"hub{i}" : $"job{i:00}", qos: 0.3)).ToList();
        var table = new TablePredictor { DefaultNp = 0.6 };
        foreach (var hub in jobs.Take(3))
        {
            foreach (var other in jobs.Where(j => j != hub))
            {
                table.With(hub.Id, other.Id, 1.0, 1.0);
            }
        }

        var batch = new SchedulingBatch(jobs, Build.IdleGpus(33));
        var exact = Matched(PairingGraph.Build(batch, table, Rule));
        var pruned = Matched(PairingGraph.Build(batch, table, Rule, new PairingOptions { PruneTopK = k }));

        // The best-only rule kept just the hubs' edges (3 pairs); the spread half keeps the others matchable.
        Assert.Equal(16, exact);
        Assert.True(pruned >= 15, $"{pruned} pairs from the pruned graph");
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-3)]
    public void A_k_below_one_is_rejected_naming_the_option(int k)
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => new PairingOptions { PruneTopK = k }.Validated());
        Assert.Equal(nameof(PairingOptions.PruneTopK), error.ParamName);
    }

    private static int Matched(PairingGraph graph) => MaximumCardinalityMatching.Find(graph.Graph).Cardinality;
}
