using GpuPool.Operator.Tests.Builders;
using GpuPool.Operator.Tests.Fakes;

namespace GpuPool.Operator.Tests.Watching;

/// <summary>Dropped watches, 410 Gone and unreadable events: the cache still converges and scheduling stays exactly-once.</summary>
public sealed class WatchFaultTests
{
    public enum WatchFault
    {
        DropAll,
        CompactJobs,
        CompactPods,
        UnreadableJobEvent,
    }

    public static TheoryData<WatchFault, bool> Cases => new()
    {
        // fault, whether it forces a new list
        { WatchFault.DropAll, false },
        { WatchFault.CompactJobs, true },
        { WatchFault.CompactPods, true },
        { WatchFault.UnreadableJobEvent, false },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task The_cache_recovers_and_jobs_created_around_the_fault_are_each_bound_once(WatchFault fault, bool relists)
    {
        var cluster = new FakeCluster();
        cluster.NodeFeed.Put(Objects.Node("node-1", gpus: 4));
        cluster.JobFeed.Put(Objects.Job("before-1"));
        cluster.JobFeed.Put(Objects.Job("before-2"));
        await using var harness = await OperatorHarness.StartAsync(cluster);
        await harness.WindowAsync(cluster);
        var jobLists = cluster.JobFeed.Lists;
        var podLists = cluster.PodFeed.Lists;

        switch (fault)
        {
            case WatchFault.DropAll:
                cluster.DropAllWatches();
                break;
            case WatchFault.CompactJobs:
                cluster.JobFeed.Compact();
                break;
            case WatchFault.CompactPods:
                cluster.PodFeed.Compact();
                break;
            default:
                cluster.JobFeed.PublishUnreadable();
                break;
        }

        cluster.JobFeed.Put(Objects.Job("after-1"));
        cluster.JobFeed.Put(Objects.Job("after-2"));
        await harness.RunToQuietAsync(cluster);

        ClusterAssert.EveryJobBoundOnce(cluster);
        Assert.Equal(4, cluster.JobFeed.Items().Count);
        var relisted = cluster.JobFeed.Lists > jobLists || cluster.PodFeed.Lists > podLists;
        Assert.Equal(relists, relisted);
    }
}
