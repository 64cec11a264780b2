using GpuPool.Core.Pairing;
using GpuPool.Core.Placement;
using GpuPool.Core.Policies;
using GpuPool.Core.Prediction;
using GpuPool.Core.Tests.Builders;

namespace GpuPool.Core.Tests.Pairing;

/// <summary>Every speed-up of the pairing step must give exactly the plain path's edges and plan.</summary>
public class PairingGraphEquivalenceTests
{
    private static readonly PairingRule Rule = new(0.1, PairingRule.DefaultSettings);
    private static readonly PairingOptions Sequential = new() { MaxDegreeOfParallelism = 1 };

    public static TheoryData<string, int> Cases()
    {
        var data = new TheoryData<string, int>();
        foreach (var variant in new[] { "cached", "parallel", "pruned-k-infinity", "decision-cache", "screened", "screened-cached", "all-together" })
        {
            for (var seed = 0; seed < 8; seed++)
            {
                data.Add(variant, seed);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Speed_ups_give_the_plain_paths_edges_and_pairs(string variant, int seed)
    {
        var batch = RandomWindow.Create(seed);
        var plain = MatchingPolicy.GpuPool(new ProfilePredictor(), Rule, Sequential);
        var fast = variant switch
        {
            "cached" => MatchingPolicy.GpuPool(new CachingPairPredictor(new ProfilePredictor()), Rule, Sequential),
            "parallel" => MatchingPolicy.GpuPool(new ProfilePredictor(), Rule, new PairingOptions { MaxDegreeOfParallelism = 4 }),
            "pruned-k-infinity" => MatchingPolicy.GpuPool(new ProfilePredictor(), Rule, Sequential with { PruneTopK = int.MaxValue }),
            "decision-cache" => MatchingPolicy.GpuPool(new ProfilePredictor(), Rule, Sequential, new PairDecisionCache()),
            "screened" => MatchingPolicy.GpuPool(new CeilingPredictor(new ProfilePredictor(), slack: 0.05), Rule, Sequential),
            "screened-cached" => MatchingPolicy.GpuPool(new CachingPairPredictor(new CeilingPredictor(new ProfilePredictor(), slack: 0.05)), Rule, Sequential),
            _ => MatchingPolicy.GpuPool(
                new CachingPairPredictor(new CeilingPredictor(new ProfilePredictor(), slack: 0.05)), Rule, new PairingOptions { MaxDegreeOfParallelism = 4, PruneTopK = int.MaxValue }, new PairDecisionCache()),
        };

        var expected = plain.BuildGraph(batch);
        var actual = fast.BuildGraph(batch);

        Assert.NotEmpty(GraphEdges.Of(expected));
        Assert.Equal(GraphEdges.Of(expected), GraphEdges.Of(actual));
        Assert.Equal(Pairs(plain.Plan(batch)), Pairs(fast.Plan(batch)));
    }

    private static List<(string Job, string? Partner, double Share)> Pairs(PlacementPlan plan) =>
        plan.Assignments.Select(a => (a.Job.Id, a.Partner?.Id, a.Setting.ShareA)).ToList();
}
