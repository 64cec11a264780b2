using GpuPool.Operator.Resources;
using GpuPool.Operator.Tests.Builders;
using GpuPool.Operator.Tests.Fakes;

namespace GpuPool.Operator.Tests.Scheduling;

/// <summary>A node refuses a job's pod before it runs (kubelet admission): the job is queued again, a bounded number of times.</summary>
public sealed class RefusedPodRequeueTests
{
    private const string Pod = "team-a/a-gpupool";
    private const string Reason = "UnexpectedAdmissionError";
    private const string Message = "Allocate failed due to rpc error: code = Unavailable";

    public static TheoryData<int, int, string, int> Refusals => new()
    {
        // refusals in a row, MaxRequeues, phase after the last one, requeues counted
        { 1, 3, JobPhase.Scheduled, 1 },
        { 3, 3, JobPhase.Scheduled, 3 },
        { 4, 3, JobPhase.Failed, 3 },
        { 1, 0, JobPhase.Failed, 0 },
    };

    [Theory]
    [MemberData(nameof(Refusals))]
    public async Task Each_refusal_deletes_the_pod_and_queues_the_job_again_until_the_bound(int refusals, int maxRequeues, string phase, int requeues)
    {
        var cluster = new FakeCluster();
        cluster.NodeFeed.Put(Objects.Node("node-1"));
        cluster.JobFeed.Put(Objects.Job("a"));
        await using var harness = await OperatorHarness.StartAsync(cluster, configure: o => (o.MaxRequeues, o.RequeueBackoffSeconds) = (maxRequeues, 10));
        await harness.WindowAsync(cluster);
        var uids = new List<string>();
        var held = new List<bool>();

        for (var i = 0; i < refusals; i++)
        {
            uids.Add(cluster.PodFeed.Get(Pod)!.Metadata.Uid);
            cluster.RefusePod(Pod, Reason, Message);
            await harness.WindowAsync(cluster);

            // Held out of planning for 10 s, doubled with each requeue; planned again once it passed.
            var backoff = TimeSpan.FromSeconds(10 * Math.Pow(2, i));
            harness.Time.Advance(backoff - TimeSpan.FromSeconds(1));
            await harness.WindowAsync(cluster);
            held.Add(cluster.PodFeed.Get(Pod) is null);
            harness.Time.Advance(TimeSpan.FromSeconds(1));
            await harness.WindowAsync(cluster);
        }

        var status = cluster.JobFeed.Get("team-a/a")!.Status!;
        Assert.Equal(phase, status.Phase);
        Assert.Equal(requeues, status.Requeues ?? 0);
        Assert.Equal(requeues, cluster.Deletes);
        Assert.Equal(requeues, harness.Metrics.PodsRefused.Value);
        Assert.Equal(Enumerable.Range(0, refusals).Select(i => i < requeues), held);
        var pod = cluster.PodFeed.Get(Pod);
        Assert.NotNull(pod);
        if (phase == JobPhase.Failed)
        {
            // The last refused pod is kept: the job failed with it, and it names why.
            Assert.Equal(uids[^1], pod.Metadata.Uid);
            Assert.Contains(Reason, status.Condition(ConditionTypes.Completed)!.Message, StringComparison.Ordinal);
        }
        else
        {
            // A fresh pod for each requeue, bound again; the job's status is rebuilt from it.
            Assert.DoesNotContain(pod.Metadata.Uid, uids);
            Assert.Equal("node-1", pod.Spec.NodeName);
            Assert.Equal(uids.Count + 1, uids.Append(pod.Metadata.Uid).Distinct().Count());
            Assert.Equal("node-1", status.Node);
        }
    }

    [Fact]
    public async Task A_requeued_job_waits_pending_with_the_node_reason_and_no_placement()
    {
        var cluster = new FakeCluster();
        cluster.NodeFeed.Put(Objects.Node("node-1"));
        cluster.JobFeed.Put(Objects.Job("a"));
        await using var harness = await OperatorHarness.StartAsync(cluster);
        await harness.WindowAsync(cluster);

        // The GPU is gone when the job comes back: it must wait, not keep its old placement.
        cluster.NodeFeed.Delete("node-1");
        cluster.RefusePod(Pod, Reason, Message);
        await harness.WindowAsync(cluster);
        await harness.WindowAsync(cluster);

        var status = cluster.JobFeed.Get("team-a/a")!.Status!;
        Assert.Equal(JobPhase.Pending, status.Phase);
        Assert.Equal(1, status.Requeues);
        Assert.Null(cluster.PodFeed.Get(Pod));
        Assert.Equal((null, null, null, null), (status.Node, status.Gpu, status.Partner, status.StartTime));
        var scheduled = status.Condition(ConditionTypes.Scheduled)!;
        Assert.False(scheduled.IsTrue);
        Assert.Equal(ConditionReasons.NodeRefused, scheduled.Reason);
        Assert.Contains(Reason, scheduled.Message, StringComparison.Ordinal);
        var warning = Assert.Single(cluster.Events, e => e.Reason == ConditionReasons.NodeRefused);
        Assert.True(warning.Warning);
    }

    [Fact]
    public async Task A_refused_partner_gets_its_slot_back_after_the_backoff_and_no_other_job_takes_it_meanwhile()
    {
        var cluster = new FakeCluster();
        cluster.NodeFeed.Put(Objects.Node("node-1"));
        cluster.JobFeed.Put(Objects.Job("a"));
        cluster.JobFeed.Put(Objects.Job("b"));
        await using var harness = await OperatorHarness.StartAsync(cluster, configure: o => o.RequeueBackoffSeconds = 10);
        await harness.WindowAsync(cluster);
        var setting = cluster.JobFeed.Get("team-a/a")!.Status!.Setting;

        cluster.SetPodPhase("team-a/b-gpupool", "Running");
        cluster.RefusePod(Pod, Reason, Message);
        await harness.WindowAsync(cluster);
        cluster.JobFeed.Put(Objects.Job("c"));
        await harness.WindowAsync(cluster);
        var meanwhile = cluster.PodFeed.Get("team-a/c-gpupool");
        harness.Time.Advance(TimeSpan.FromSeconds(10));
        await harness.WindowAsync(cluster);

        var a = cluster.JobFeed.Get("team-a/a")!.Status!;
        Assert.Null(meanwhile);
        Assert.Equal((JobPhase.Scheduled, "node-1", 0, "team-a/b", setting), (a.Phase, a.Node, a.Gpu, a.Partner, a.Setting));
        Assert.Null(cluster.PodFeed.Get("team-a/c-gpupool"));
    }

    [Fact]
    public async Task A_pod_that_ran_and_failed_fails_its_job_without_requeue()
    {
        var cluster = new FakeCluster();
        cluster.NodeFeed.Put(Objects.Node("node-1"));
        cluster.JobFeed.Put(Objects.Job("a"));
        await using var harness = await OperatorHarness.StartAsync(cluster);
        await harness.WindowAsync(cluster);

        cluster.SetPodPhase(Pod, "Failed");
        await harness.WindowAsync(cluster);
        await harness.WindowAsync(cluster);

        var status = cluster.JobFeed.Get("team-a/a")!.Status!;
        Assert.Equal((JobPhase.Failed, (int?)null, 0), (status.Phase, status.Requeues, cluster.Deletes));
    }
}
