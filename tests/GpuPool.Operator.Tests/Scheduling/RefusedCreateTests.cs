using GpuPool.Operator.Resources;
using GpuPool.Operator.Tests.Builders;
using GpuPool.Operator.Tests.Fakes;

namespace GpuPool.Operator.Tests.Scheduling;

/// <summary>
/// A pod create the API server refuses (400/403/422: a spec it will never accept as it is) marks
/// that job and ends nothing else: the window binds the other jobs, and the refused job is held
/// back instead of being retried first every window (a new generation is planned at once:
/// <see cref="RefusedWriteTests"/>).
/// </summary>
public sealed class RefusedCreateTests
{
    public static TheoryData<int> Refusals => new() { 400, 403, 422 };

    [Theory]
    [MemberData(nameof(Refusals))]
    public async Task A_refused_create_marks_that_job_and_the_window_binds_the_others(int statusCode)
    {
        var cluster = new FakeCluster();
        cluster.NodeFeed.Put(Objects.Node("node-1"));
        cluster.NodeFeed.Put(Objects.Node("node-2"));
        foreach (var name in new[] { "a", "b", "c", "d" })
        {
            cluster.JobFeed.Put(Objects.Job(name));
        }

        cluster.Inject(FakeOperation.CreatePod, FakeFault.Http(statusCode));
        await using var harness = await OperatorHarness.StartAsync(cluster, configure: o => o.WriteParallelism = 1);

        var first = await harness.WindowAsync(cluster);

        Assert.Equal(4, first.Planned);
        Assert.Equal(3, first.Bound);
        var refused = Assert.Single(cluster.JobFeed.Items(), j => j.Status?.Phase != JobPhase.Scheduled);
        var condition = refused.Status?.Condition(ConditionTypes.Scheduled);
        Assert.False(condition?.IsTrue);
        Assert.Equal(ConditionReasons.PodRejected, condition?.Reason);
        Assert.Contains($"HTTP {statusCode}", condition?.Message, StringComparison.Ordinal);
        Assert.Equal(JobPhase.Pending, refused.Status?.Phase);
        Assert.Contains(cluster.Events, e => e.Warning && e.Reason == ConditionReasons.PodRejected && e.Job.Key == refused.Key);
        Assert.Equal(1, harness.Metrics.BindFailures.WithLabels(GpuPool.Operator.Telemetry.BindFailureReasons.CreateRefused).Value);

        // Held back: the next window does not try it again first.
        var second = await harness.WindowAsync(cluster);
        Assert.Equal(0, second.Planned);
        Assert.DoesNotContain(cluster.PodFeed.Items(), p => p.Metadata.Labels[GpuPoolApi.JobNameLabel] == refused.Metadata.Name);

        // After the backoff it is planned again; the API now accepts it, on the slot its partner kept.
        harness.Time.Advance(TimeSpan.FromMinutes(10));
        var third = await harness.WindowAsync(cluster);
        Assert.Equal(1, third.Bound);
        ClusterAssert.EveryJobBoundOnce(cluster);
    }
}
