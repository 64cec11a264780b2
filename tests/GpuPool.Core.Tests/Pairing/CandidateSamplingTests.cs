using GpuPool.Core.Pairing;
using GpuPool.Core.Prediction;
using GpuPool.Core.Tests.Builders;

namespace GpuPool.Core.Tests.Pairing;

/// <summary>Sampled candidates: symmetric, 2s per vertex, a subset of the exact graph, all of it when 2s covers the window.</summary>
public class CandidateSamplingTests
{
    private static readonly PairingRule Rule = new(0.1, PairingRule.DefaultSettings);

    public static TheoryData<int, int> Samples() => new()
    {
        { 1, 0 },
        { 2, 1 },
        { 4, 2 },
        { 7, 3 },
    };

    [Theory]
    [MemberData(nameof(Samples))]
    public void Each_vertex_is_considered_with_2s_partners_that_consider_it_back(int perSide, int seed)
    {
        var batch = RandomWindow.Create(seed, pending: 30, applications: 3);
        var exact = PairingGraph.Build(batch, new ProfilePredictor(), Rule);
        var predictor = new ProfilePredictor();
        var sampled = PairingGraph.Build(batch, predictor, Rule, new PairingOptions { CandidatesPerSide = perSide });

        var n = exact.Vertices.Count;
        var distances = GraphEdges.Of(sampled).Select(e => Math.Min(e.J - e.I, n - (e.J - e.I))).ToHashSet();
        var expected = GraphEdges.Of(exact).Where(e => distances.Contains(Math.Min(e.J - e.I, n - (e.J - e.I)))).ToList();

        Assert.InRange(distances.Count, 1, perSide);
        Assert.Equal(expected, GraphEdges.Of(sampled));
        Assert.True(predictor.Calls <= n * perSide, $"{predictor.Calls} pairs predicted for {n} vertices x {perSide}");
    }

    [Theory]
    [InlineData(20)]
    [InlineData(1000)]
    public void When_2s_covers_the_window_every_pair_is_considered(int perSide)
    {
        var batch = RandomWindow.Create(5, pending: 30, applications: 3);

        var exact = PairingGraph.Build(batch, new ProfilePredictor(), Rule);
        var sampled = PairingGraph.Build(batch, new ProfilePredictor(), Rule, new PairingOptions { CandidatesPerSide = perSide });

        Assert.Equal(GraphEdges.Of(exact), GraphEdges.Of(sampled));
    }

    [Fact]
    public void Sampling_and_pruning_together_rank_only_sampled_pairs()
    {
        var batch = RandomWindow.Create(6, pending: 30, applications: 3);
        var sampledOnly = GraphEdges.Of(PairingGraph.Build(batch, new ProfilePredictor(), Rule, new PairingOptions { CandidatesPerSide = 5 })).ToHashSet();

        var both = GraphEdges.Of(PairingGraph.Build(batch, new ProfilePredictor(), Rule, new PairingOptions { CandidatesPerSide = 5, PruneTopK = 2 }));

        Assert.NotEmpty(both);
        Assert.True(both.Count < sampledOnly.Count);
        Assert.All(both, e => Assert.Contains(e, sampledOnly));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    public void A_sample_below_one_is_rejected_naming_the_option(int perSide)
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => new PairingOptions { CandidatesPerSide = perSide }.Validated());
        Assert.Equal(nameof(PairingOptions.CandidatesPerSide), error.ParamName);
    }
}
