using GpuPool.Operator.Resources;
using GpuPool.Operator.Tests.Builders;
using GpuPool.Operator.Tests.Fakes;

namespace GpuPool.Operator.Tests.Scheduling;

/// <summary>No window decides on a cache that has not listed; a condition set from a stale picture is corrected.</summary>
public sealed class CacheSyncTests
{
    [Fact]
    public async Task No_window_runs_before_the_profile_cache_has_listed_so_a_present_profile_is_never_called_missing()
    {
        var cluster = new FakeCluster();
        cluster.NodeFeed.Put(Objects.Node("node-1"));
        cluster.ProfileFeed.Put(Objects.Profile("resnet"));
        cluster.JobFeed.Put(Objects.Job("a", profile: "resnet"));
        cluster.JobFeed.Put(Objects.Job("b"));
        await using var harness = new OperatorHarness(cluster);
        using var stop = new CancellationTokenSource();
        var watchers = harness.Scheduler.Watchers;
        // Every watch but the profiles' (second in the list) runs.
        var running = watchers.Where((_, i) => i != 1).Select(w => Task.Run(() => w(stop.Token))).ToList();
        await OperatorHarness.SettleAsync(() => harness.Cache.Jobs.Count == 2 && harness.Cache.Nodes.Count == 1 && harness.Cache.Pods.IsSynced(string.Empty));

        var early = await harness.Scheduler.Window.RunAsync(CancellationToken.None);

        Assert.True(early.Skipped);
        Assert.Empty(cluster.PodFeed.Items());
        Assert.All(cluster.JobFeed.Items(), j => Assert.Null(j.Status));
        Assert.Equal(1, harness.Metrics.WindowsSkipped.Value);

        running.Add(Task.Run(() => watchers[1](stop.Token)));
        await OperatorHarness.SettleAsync(() => harness.Scheduler.IsSynced);
        var synced = await harness.Scheduler.Window.RunAsync(CancellationToken.None);
        await stop.CancelAsync();
        await Task.WhenAll(running);

        Assert.Equal((false, 1), (synced.Skipped, synced.PairsFormed));
        var a = cluster.JobFeed.Get("team-a/a")!.Status!;
        Assert.Null(a.Condition(ConditionTypes.ProfileMissing));
        Assert.Equal("team-a/b", a.Partner);
    }

    [Fact]
    public async Task A_ProfileMissing_condition_left_on_a_placed_job_is_cleared_by_a_later_window()
    {
        var cluster = new FakeCluster();
        cluster.NodeFeed.Put(Objects.Node("node-1"));
        cluster.ProfileFeed.Put(Objects.Profile("resnet"));
        cluster.JobFeed.Put(Objects.Job("a", profile: "resnet"));
        await using var harness = await OperatorHarness.StartAsync(cluster);
        await harness.WindowAsync(cluster);
        // What a window on an unsynced profile cache wrote before the job was placed.
        var stale = cluster.JobFeed.Get("team-a/a")!;
        stale.Status = stale.Status! with
        {
            Conditions = GpuPool.Operator.Scheduling.Conditions.Set(stale.Status.Conditions, ConditionTypes.ProfileMissing, true, ConditionReasons.ProfileNotFound, "GpuProfile 'resnet' not found.", 1, harness.Time.GetUtcNow()),
        };
        cluster.JobFeed.Put(stale);

        await harness.WindowAsync(cluster);
        await harness.WindowAsync(cluster);

        var corrected = cluster.JobFeed.Get("team-a/a")!.Status!;
        var condition = corrected.Condition(ConditionTypes.ProfileMissing)!;
        Assert.Equal((JobPhase.Scheduled, false, ConditionReasons.ProfileFound), (corrected.Phase, condition.IsTrue, condition.Reason));
        Assert.True(corrected.Condition(ConditionTypes.Scheduled)!.IsTrue);
    }
}
