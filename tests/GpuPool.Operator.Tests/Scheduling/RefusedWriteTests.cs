using GpuPool.Operator.Resources;
using GpuPool.Operator.Telemetry;
using GpuPool.Operator.Tests.Builders;
using GpuPool.Operator.Tests.Fakes;

namespace GpuPool.Operator.Tests.Scheduling;

/// <summary>
/// A bind or status patch the API server refuses (400/403/422) marks that job alone, and a 404 on
/// either (the object vanished) skips that job alone: the window writes every other decision. A
/// refused bind deletes the pod, so the decision is forgotten and nothing is bound twice.
/// </summary>
public sealed class RefusedWriteTests
{
    private static readonly string[] _jobs = ["a", "b", "c", "d"];

    public static TheoryData<FakeOperation, int> Refusals => new()
    {
        { FakeOperation.BindPod, 400 },
        { FakeOperation.BindPod, 403 },
        { FakeOperation.BindPod, 422 },
        { FakeOperation.PatchStatus, 400 },
        { FakeOperation.PatchStatus, 403 },
        { FakeOperation.PatchStatus, 422 },
    };

    public static TheoryData<FakeOperation> Vanished => new() { FakeOperation.BindPod, FakeOperation.PatchStatus };

    [Theory]
    [MemberData(nameof(Refusals))]
    public async Task A_refused_write_marks_that_job_and_the_window_writes_the_others(FakeOperation step, int statusCode)
    {
        var cluster = Cluster();
        cluster.Inject(step, FakeFault.Http(statusCode));
        await using var harness = await OperatorHarness.StartAsync(cluster, configure: o => (o.WriteParallelism, o.RejectedHoldSeconds) = (1, 120));

        var first = await harness.WindowAsync(cluster);

        Assert.Equal(4, first.Planned);
        var (type, reason, failure) = step == FakeOperation.BindPod
            ? (ConditionTypes.Scheduled, ConditionReasons.BindRejected, BindFailureReasons.BindRefused)
            : (ConditionTypes.StatusRejected, ConditionReasons.StatusPatchRefused, BindFailureReasons.StatusRefused);
        var refused = Assert.Single(cluster.JobFeed.Items(), j => j.Status?.Condition(type)?.Reason == reason);
        Assert.Contains($"HTTP {statusCode}", refused.Status!.Condition(type)!.Message, StringComparison.Ordinal);
        Assert.Contains(cluster.Events, e => e.Warning && e.Reason == reason && e.Job.Key == refused.Key);
        Assert.Equal(1, harness.Metrics.BindFailures.WithLabels(failure).Value);
        Assert.All(cluster.JobFeed.Items().Where(j => j.Key != refused.Key), j => Assert.Equal(JobPhase.Scheduled, j.Status?.Phase));

        if (step == FakeOperation.BindPod)
        {
            // The pod is gone, so it is never bound later; the job waits the hold, then is placed anew.
            Assert.Equal(3, first.Bound);
            Assert.Equal(JobPhase.Pending, refused.Status.Phase);
            Assert.DoesNotContain(cluster.PodFeed.Items(), p => p.Metadata.Labels[GpuPoolApi.JobNameLabel] == refused.Metadata.Name);
            Assert.Equal(0, (await harness.WindowAsync(cluster)).Planned);
            harness.Time.Advance(TimeSpan.FromSeconds(120));
        }
        else
        {
            // Bound; the status is the last one accepted, and the next window writes it from the pod.
            Assert.Equal(4, first.Bound);
        }

        await harness.WindowAsync(cluster);
        ClusterAssert.EveryJobBoundOnce(cluster);
        Assert.All(cluster.JobFeed.Items(), j => Assert.Null(j.Status?.Condition(ConditionTypes.StatusRejected)));
    }

    [Theory]
    [MemberData(nameof(Vanished))]
    public async Task A_404_on_a_write_skips_that_job_and_the_window_writes_the_others(FakeOperation step)
    {
        var cluster = Cluster();
        cluster.Inject(step, FakeFault.Http(404));
        await using var harness = await OperatorHarness.StartAsync(cluster, configure: o => o.WriteParallelism = 1);

        var first = await harness.WindowAsync(cluster);

        Assert.Equal(4, first.Planned);
        Assert.Equal(3, cluster.JobFeed.Items().Count(j => j.Status?.Phase == JobPhase.Scheduled));
        await harness.WindowAsync(cluster);
        ClusterAssert.EveryJobBoundOnce(cluster);
    }

    [Theory]
    [InlineData(FakeOperation.CreatePod)]
    [InlineData(FakeOperation.BindPod)]
    public async Task A_new_generation_of_a_refused_job_is_planned_at_once(FakeOperation step)
    {
        var cluster = new FakeCluster();
        cluster.NodeFeed.Put(Objects.Node("node-1"));
        cluster.JobFeed.Put(Objects.Job("solo"));
        cluster.Inject(step, FakeFault.Http(422));
        await using var harness = await OperatorHarness.StartAsync(cluster);
        await harness.WindowAsync(cluster);
        Assert.Empty(cluster.Binds);
        Assert.Equal(0, (await harness.WindowAsync(cluster)).Planned);

        var edited = cluster.JobFeed.Get(Objects.Namespace + "/solo")!;
        edited.Metadata.Generation = 2;
        cluster.JobFeed.Put(edited);
        var next = await harness.WindowAsync(cluster);

        Assert.Equal(1, next.Bound);
        ClusterAssert.EveryJobBoundOnce(cluster);
    }

    private static FakeCluster Cluster()
    {
        var cluster = new FakeCluster();
        cluster.NodeFeed.Put(Objects.Node("node-1"));
        cluster.NodeFeed.Put(Objects.Node("node-2"));
        foreach (var name in _jobs)
        {
            cluster.JobFeed.Put(Objects.Job(name));
        }

        return cluster;
    }
}
