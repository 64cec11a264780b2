using GpuPool.Core.Jobs;
using GpuPool.Core.Pairing;
using GpuPool.Core.Placement;
using GpuPool.Core.Prediction;
using GpuPool.Core.Tests.Builders;

namespace GpuPool.Core.Tests.Pairing;

/// <summary>What the two caches reuse, and what they must not.</summary>
public class PredictionCacheTests
{
    private static readonly PairingRule Rule = new(0.1, PairingRule.DefaultSettings);
    private static readonly IReadOnlyList<Kernels.KernelProfile> Kernels = [Build.Kernel("k1"), Build.Kernel("k2")];

    public static TheoryData<string, int> ThirdPairs() => new()
    {
        // Same kernels and iterations: a new id, QoS target or memory reuses the profile pair.
        { "other ids, QoS and memory", 0 },

        // Different iterations or kernels make a new profile: the inner predictor is asked again.
        { "other iterations", 1 },
        { "other kernel order", 1 },
    };

    [Theory]
    [MemberData(nameof(ThirdPairs))]
    public void The_profile_cache_asks_the_inner_predictor_once_per_shared_profile_pair(string third, int extraCalls)
    {
        var inner = new ProfilePredictor();
        var cache = new CachingPairPredictor(inner);
        var first = (new Job("a", Kernels, 100, 0.5, 1024), new Job("b", Kernels, 200, 0.5, 1024));
        var second = (new Job("c", Kernels, 100, 0.5, 2048), new Job("d", Kernels, 200, 0.6, 1024));
        var other = third switch
        {
            "other ids, QoS and memory" => (new Job("e", Kernels, 100, 0.9, 4096), new Job("f", Kernels, 200, 0.7, 512)),
            "other iterations" => (new Job("e", Kernels, 300, 0.5, 1024), new Job("f", Kernels, 200, 0.5, 1024)),
            _ => (new Job("e", [Kernels[1], Kernels[0]], 100, 0.5, 1024), new Job("f", Kernels, 200, 0.5, 1024)),
        };

        // 1. Two profiles seen once each: answered, not stored (no other pair could ask for it).
        var expected = cache.Predict(first.Item1, first.Item2, Rule.Settings);
        Assert.Equal(1, inner.Calls);

        // 2. Now both profiles are shared: answered once more, and stored.
        Assert.Equal(expected, cache.Predict(second.Item1, second.Item2, Rule.Settings));
        Assert.Equal(2, inner.Calls);

        var again = cache.Predict(other.Item1, other.Item2, Rule.Settings);

        Assert.Equal(2 + extraCalls, inner.Calls);
        Assert.Equal(extraCalls == 0, expected.SequenceEqual(again));
    }

    public static TheoryData<bool, bool> OneSettingCases() => new()
    {
        // (inner predictor has ceilings, the pair's profiles are shared so the cache stores it)
        { false, false },
        { false, true },
        { true, false },
        { true, true },
    };

    [Theory]
    [MemberData(nameof(OneSettingCases))]
    public void A_setting_asked_alone_gets_the_outcome_the_whole_list_gives(bool boundedInner, bool sharedProfiles)
    {
        var profiles = new ProfilePredictor();
        IPairPredictor inner = boundedInner ? new CeilingPredictor(profiles, 0.0) : profiles;
        var cache = new CachingPairPredictor(inner);
        var (a, b) = (new Job("a", Kernels, 100, 0.5, 1024), new Job("b", Kernels, 200, 0.5, 1024));
        if (sharedProfiles)
        {
            cache.Predict(new Job("c", Kernels, 100, 0.5, 1024), new Job("d", Kernels, 200, 0.5, 1024), Rule.Settings);
        }

        var expected = profiles.Predict(a, b, Rule.Settings);
        for (var s = 0; s < expected.Count; s++)
        {
            Assert.Equal(PairNp.Of(expected[s]), cache.Predict(a, b, Rule.Settings[s]));
        }

        // A stored pair answers every setting again without asking the inner predictor.
        var calls = profiles.Calls;
        foreach (var setting in Rule.Settings)
        {
            cache.Predict(a, b, setting);
        }

        Assert.Equal(sharedProfiles ? calls : calls + Rule.Settings.Count, profiles.Calls);
    }

    [Fact]
    public void The_decision_cache_reuses_a_window_and_forgets_jobs_that_left_or_changed()
    {
        var predictor = new ProfilePredictor();
        var cache = new PairDecisionCache();
        var jobs = Enumerable.Range(0, 6).Select(i => new Job($"j{i}", [Build.Kernel($"k{i}")], 100, 0.3, 1024)).ToList();
        var gpus = Build.IdleGpus(3);
        PairingGraph Window(IReadOnlyList<Job> pending) => PairingGraph.Build(new SchedulingBatch(pending, gpus), predictor, Rule, null, cache);

        // 1. First window: all 15 pairs predicted. Second, unchanged: none.
        var first = GraphEdges.Of(Window(jobs));
        Assert.Equal(15, predictor.Calls);
        Assert.Equal(first, GraphEdges.Of(Window(jobs)));
        Assert.Equal(15, predictor.Calls);
        Assert.Equal(15, cache.Hits);

        // 2. j0 leaves: its 5 decisions go; nothing new is predicted.
        Window(jobs.Skip(1).ToList());
        Assert.Equal(10, cache.Count);
        Assert.Equal(15, predictor.Calls);

        // 3. j1 changes its QoS target: its 4 remaining pairs are decided again.
        var changed = jobs.Skip(1).Select(j => j.Id == "j1" ? new Job("j1", j.Kernels, j.Iterations, 0.4, j.GpuMemoryMiB) : j).ToList();
        Window(changed);
        Assert.Equal(19, predictor.Calls);
    }
}
