using GpuPool.Core.Jobs;
using GpuPool.Core.Pairing;
using GpuPool.Core.Placement;
using GpuPool.Core.Prediction;
using GpuPool.Core.Sharing;
using GpuPool.Core.Tests.Builders;

namespace GpuPool.Core.Tests.Pairing;

/// <summary>A cache at its bound is dropped between windows and answers exactly as before, from fresh predictions.</summary>
public sealed class CacheBoundTests
{
    private static readonly PairingRule Rule = new(0.1, PairingRule.DefaultSettings);

    public static TheoryData<int, bool> ProfileBounds => new()
    {
        // bound (profile pairs and profiles), whether the 4 profiles and their pairs exceed it
        { 1, true },
        { 3, true },
        { 100, false },
    };

    [Theory]
    [MemberData(nameof(ProfileBounds))]
    public void The_profile_cache_past_its_bound_starts_afresh_and_answers_the_same(int bound, bool over)
    {
        var inner = new ProfilePredictor();
        var cache = new CachingPairPredictor(inner, maxProfilePairs: bound);
        var jobs = Jobs(profiles: 4, jobsPerProfile: 2);
        var before = Answers(cache, jobs);
        var calls = inner.Calls;

        var trimmed = cache.Trim();
        var after = Answers(cache, jobs);

        Assert.Equal(over, trimmed);
        Assert.Equal(before, after);
        Assert.Equal(4, cache.Sizes.Single(s => s.Part == "job_profiles").Entries);
        Assert.Equal(over, inner.Calls > calls);
        Assert.Equal(Answers(new CachingPairPredictor(new ProfilePredictor()), jobs), after);
    }

    public static TheoryData<int, int, bool> IdlePairs => new()
    {
        // windows the pair is kept idle, windows it goes unasked, whether it is predicted again
        { 1, 1, false },
        { 1, 2, true },
        { 3, 3, false },
        { 3, 4, true },
    };

    [Theory]
    [MemberData(nameof(IdlePairs))]
    public void A_pair_left_unasked_past_its_idle_windows_is_forgotten_while_one_asked_each_window_stays(int idleWindows, int unasked, bool forgotten)
    {
        var inner = new ProfilePredictor();
        var cache = new CachingPairPredictor(inner, idleWindows: idleWindows);
        var jobs = Jobs(profiles: 4, jobsPerProfile: 2);
        var (idleA, idleB, busyA, busyB) = (jobs[0], jobs[1], jobs[2], jobs[3]);
        // A profile's pairs are stored once a second job has it.
        cache.Predict(jobs[4], jobs[5], [SharingSetting.Even]);
        cache.Predict(jobs[6], jobs[7], [SharingSetting.Even]);
        var before = cache.Predict(idleA, idleB, [SharingSetting.Even])[0];
        cache.Predict(busyA, busyB, [SharingSetting.Even]);
        for (var window = 0; window < unasked; window++)
        {
            Assert.False(cache.Trim());
            cache.Predict(busyA, busyB, [SharingSetting.Even]);
        }

        var calls = inner.Calls;
        var busyAgain = cache.Predict(busyA, busyB, [SharingSetting.Even]);
        Assert.Equal(calls, inner.Calls);
        var after = cache.Predict(idleA, idleB, [SharingSetting.Even])[0];

        Assert.Equal(forgotten, inner.Calls > calls);
        Assert.Equal((before.NpA, before.NpB), (after.NpA, after.NpB));
        Assert.Single(busyAgain);
    }

    [Theory]
    [InlineData(1, true)]
    [InlineData(14, true)]
    [InlineData(15, false)]
    public void The_decision_cache_past_its_bound_is_dropped_and_the_graph_is_unchanged(int bound, bool over)
    {
        var predictor = new ProfilePredictor();
        var cache = new PairDecisionCache(maxDecisions: bound);
        var jobs = Enumerable.Range(0, 6).Select(i => new Job($"j{i}", [Build.Kernel($"k{i}")], 100, 0.3, 1024)).ToList();
        var gpus = Build.IdleGpus(3);
        PairingGraph Window() => PairingGraph.Build(new SchedulingBatch(jobs, gpus), predictor, Rule, null, cache);
        var first = GraphEdges.Of(Window());
        Assert.Equal(15, cache.Count);

        var second = GraphEdges.Of(Window());

        Assert.Equal(first, second);
        Assert.Equal(over ? 30 : 15, predictor.Calls);
        Assert.Equal(15, cache.Count);
        Assert.Equal(over, cache.Sizes[0].Entries > bound);
    }

    private static List<Job> Jobs(int profiles, int jobsPerProfile) =>
    [
        .. Enumerable.Range(0, profiles * jobsPerProfile)
            .Select(i => new Job($"j{i}", [Build.Kernel($"k{i % profiles}"), Build.Kernel("shared")], 100 + (i % profiles), 0.5, 1024)),
    ];

    private static List<(double, double)> Answers(CachingPairPredictor cache, List<Job> jobs) =>
    [
        .. from a in jobs
           from b in jobs
           where a.Id != b.Id
           select cache.Predict(a, b, [SharingSetting.Even])[0] into o
           select (o.NpA, o.NpB),
    ];
}
