using GpuPool.Operator.Ports;
using GpuPool.Operator.Resources;
using GpuPool.Operator.Tests.Builders;
using GpuPool.Operator.Tests.Fakes;
using GpuPool.Operator.Watching;
using k8s.Models;

namespace GpuPool.Operator.Tests.Watching;

/// <summary>One GpuJob the operator cannot read is skipped and flagged; every other job is still scheduled.</summary>
public sealed class UnreadableObjectTests
{
    private const string Error = "The JSON value could not be converted to System.Int32. Path: $.spec.iterations";

    public static TheoryData<string> Arrivals => new() { "in the first list", "by a watch event" };

    [Theory]
    [MemberData(nameof(Arrivals))]
    public async Task An_unreadable_job_is_flagged_once_and_the_others_are_scheduled(string arrival)
    {
        var cluster = new FakeCluster();
        cluster.NodeFeed.Put(Objects.Node("node-1", gpus: 2));
        cluster.JobFeed.Put(Objects.Job("good-1"));
        cluster.JobFeed.Put(Objects.Job("wide"));
        var early = arrival == "in the first list";
        if (early)
        {
            cluster.JobFeed.PutUnreadable("team-a/wide", Error);
        }

        await using var harness = await OperatorHarness.StartAsync(cluster);
        if (!early)
        {
            cluster.JobFeed.PutUnreadable("team-a/wide", Error);
            await OperatorHarness.SettleAsync(() => harness.Cache.Jobs.UnreadableCount == 1);
        }

        cluster.JobFeed.Put(Objects.Job("good-2"));
        await OperatorHarness.SettleAsync(() => harness.Cache.Jobs.Count == 2);
        await harness.WindowAsync();
        await harness.WindowAsync();

        Assert.True(harness.Scheduler.IsSynced);
        Assert.Null(harness.Cache.Jobs.Get("team-a/wide"));
        Assert.All(cluster.JobFeed.Items(), j => Assert.Equal(JobPhase.Scheduled, j.Status?.Phase));
        var (key, condition) = Assert.Single(cluster.UnreadableFlags);
        Assert.Equal(("team-a/wide", ConditionTypes.Invalid, "True", ConditionReasons.Unreadable), (key, condition.Type, condition.Status, condition.Reason));
        Assert.Contains("spec.iterations", condition.Message, StringComparison.Ordinal);
        var warning = Assert.Single(cluster.Events, e => e.Reason == ConditionReasons.Unreadable);
        Assert.Equal(("team-a", "wide", true), (warning.Job.Metadata.NamespaceProperty, warning.Job.Metadata.Name, warning.Warning));
        Assert.Equal(1, harness.Metrics.UnreadableObjects.WithLabels("gpujobs").Value);
    }

    [Fact]
    public async Task A_job_fixed_after_being_unreadable_is_scheduled_and_no_longer_counted()
    {
        var cluster = new FakeCluster();
        cluster.NodeFeed.Put(Objects.Node("node-1"));
        cluster.JobFeed.PutUnreadable("team-a/wide", Error);
        await using var harness = await OperatorHarness.StartAsync(cluster);
        await harness.WindowAsync();

        cluster.JobFeed.Put(Objects.Job("wide"));
        await harness.WindowAsync(cluster);

        Assert.Equal(JobPhase.Scheduled, cluster.JobFeed.Get("team-a/wide")!.Status?.Phase);
        Assert.Equal(0, harness.Metrics.UnreadableObjects.WithLabels("gpujobs").Value);
    }

    public static TheoryData<WatchEventKind, bool, bool> StoreCases => new()
    {
        // the event after a readable copy was cached, whether a readable copy is left, whether it is held as unreadable
        { WatchEventKind.Unreadable, false, true },
        { WatchEventKind.Deleted, false, false },
    };

    [Theory]
    [MemberData(nameof(StoreCases))]
    public void A_version_that_cannot_be_read_replaces_the_cached_copy(WatchEventKind kind, bool readable, bool held)
    {
        var store = new ResourceStore<V1Node>();
        store.Replace(null, [new V1Node { Metadata = new V1ObjectMeta { Name = "node-1", ResourceVersion = "5" } }]);
        var bad = new UnreadableObject(null, "node-1", "uid-1", "6", "bad number");

        store.Apply(new WatchEvent<V1Node>(kind, null, "6", bad.Error, bad));

        Assert.Equal(readable, store.Get("node-1") is not null);
        Assert.Equal(held, store.Unreadable().Any(u => u.Key == "node-1"));
    }
}
