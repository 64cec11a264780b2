using GpuPool.Operator.Tests.Builders;
using GpuPool.Operator.Tests.Fakes;

namespace GpuPool.Operator.Tests.Scheduling;

/// <summary>The loop's timing on a fake clock: a window per WindowSeconds, or at once when BatchLimit new jobs wait.</summary>
public sealed class SchedulingLoopTests
{
    [Fact]
    public async Task A_window_runs_only_when_the_period_has_passed()
    {
        var cluster = new FakeCluster();
        cluster.NodeFeed.Put(Objects.Node("node-1"));
        cluster.JobFeed.Put(Objects.Job("a"));
        await using var harness = await OperatorHarness.StartAsync(cluster, configure: o => o.WindowSeconds = 30);
        using var stop = new CancellationTokenSource();
        var loop = harness.Scheduler.Loop.RunAsync(stop.Token);

        harness.Time.Advance(TimeSpan.FromSeconds(29));
        await Task.Delay(100);
        var before = harness.Scheduler.Loop.Windows;
        harness.Time.Advance(TimeSpan.FromSeconds(1));
        await OperatorHarness.SettleAsync(() => harness.Scheduler.Loop.Windows == 1);

        Assert.Equal(0, before);
        Assert.Single(cluster.Binds);
        await stop.CancelAsync();
        await loop;
    }

    [Fact]
    public async Task Reaching_the_batch_limit_starts_a_window_before_the_period()
    {
        var cluster = new FakeCluster();
        cluster.NodeFeed.Put(Objects.Node("node-1", gpus: 2));
        await using var harness = await OperatorHarness.StartAsync(cluster, configure: o => o.BatchLimit = 3);
        using var stop = new CancellationTokenSource();
        var loop = harness.Scheduler.Loop.RunAsync(stop.Token);

        cluster.JobFeed.Put(Objects.Job("a"));
        cluster.JobFeed.Put(Objects.Job("b"));
        await Task.Delay(100);
        var afterTwo = harness.Scheduler.Loop.Windows;
        cluster.JobFeed.Put(Objects.Job("c"));
        await OperatorHarness.SettleAsync(() => harness.Scheduler.Loop.Windows >= 1 && cluster.Binds.Count == 3);

        Assert.Equal(0, afterTwo);
        await stop.CancelAsync();
        await loop;
    }
}
