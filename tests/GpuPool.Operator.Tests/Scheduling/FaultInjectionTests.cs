using GpuPool.Operator.Resources;
using GpuPool.Operator.Telemetry;
using GpuPool.Operator.Tests.Builders;
using GpuPool.Operator.Tests.Fakes;

namespace GpuPool.Operator.Tests.Scheduling;

/// <summary>
/// Faults in every write and crashes after every step: the loop must end with every job bound
/// exactly once, none lost, status and conditions right.
/// </summary>
public sealed class FaultInjectionTests
{
    public static TheoryData<FakeOperation, FakeFault, int, bool> RetriedFaults => new()
    {
        // operation, fault, times, whether the first window already finishes every job
        { FakeOperation.CreatePod, FakeFault.Http(429), 2, true },
        { FakeOperation.CreatePod, FakeFault.Http(500), 3, true },
        { FakeOperation.CreatePod, FakeFault.Timeout, 1, true },
        { FakeOperation.BindPod, FakeFault.Http(503), 3, true },
        { FakeOperation.PatchStatus, FakeFault.Http(429), 1, true },
        { FakeOperation.CreateEvent, FakeFault.Http(500), 10, true },
        { FakeOperation.CreatePod, FakeFault.Http(500), 4, false },
        { FakeOperation.BindPod, FakeFault.Http(429), 4, false },
        { FakeOperation.PatchStatus, FakeFault.Http(500), 4, false },
        { FakeOperation.CreatePod, FakeFault.Http(409), 1, false },
        { FakeOperation.BindPod, FakeFault.Http(409), 1, false },
    };

    public static TheoryData<FakeOperation, int> Crashes => new()
    {
        { FakeOperation.CreatePod, 1 },
        { FakeOperation.CreatePod, 3 },
        { FakeOperation.BindPod, 1 },
        { FakeOperation.BindPod, 4 },
        { FakeOperation.PatchStatus, 1 },
        { FakeOperation.PatchStatus, 2 },
        { FakeOperation.CreateEvent, 1 },
    };

    [Theory]
    [MemberData(nameof(RetriedFaults))]
    public async Task A_write_fault_is_retried_or_requeued_and_every_job_ends_bound_once(FakeOperation operation, FakeFault fault, int times, bool doneInFirstWindow)
    {
        var cluster = FourJobsOnTwoGpus();
        cluster.Inject(operation, fault, times);

        // One write at a time, so that consecutive faults hit one write and exhaust its retries
        // (ParallelWriteTests has the same faults spread over parallel writes).
        await using var harness = await OperatorHarness.StartAsync(cluster, configure: o => o.WriteParallelism = 1);

        var first = await harness.WindowAsync(cluster);

        Assert.Equal(4, first.Planned);
        var done = first.Bound == 4 && cluster.JobFeed.Items().All(j => j.Status?.Phase == JobPhase.Scheduled);
        Assert.Equal(doneInFirstWindow, done);
        await harness.RunToQuietAsync(cluster);
        ClusterAssert.EveryJobBoundOnce(cluster);
        if (fault.StatusCode is 429 or >= 500 or 0)
        {
            Assert.True(harness.Metrics.ApiRetries.WithLabels(OperationLabel(operation)).Value >= 1, "retries are counted");
        }
    }

    [Theory]
    [MemberData(nameof(Crashes))]
    public async Task A_crash_after_any_write_is_finished_by_the_restarted_operator(FakeOperation operation, int nth)
    {
        var cluster = FourJobsOnTwoGpus();
        for (var i = 1; i < nth; i++)
        {
            cluster.Inject(operation, FakeFault.Http(429));
        }

        cluster.Inject(operation, FakeFault.CrashAfter);
        await using var harness = await OperatorHarness.StartAsync(cluster);

        await Assert.ThrowsAsync<SimulatedCrashException>(() => harness.WindowAsync(cluster));
        await harness.RestartAsync();
        await harness.RunToQuietAsync(cluster);

        ClusterAssert.EveryJobBoundOnce(cluster);
        Assert.Equal(4, cluster.JobFeed.Items().Count(j => j.Status?.Condition(ConditionTypes.Scheduled)?.Reason == ConditionReasons.Paired));
    }

    [Fact]
    public async Task A_pod_of_the_jobs_name_owned_by_something_else_is_never_bound_and_the_job_says_why()
    {
        var cluster = new FakeCluster();
        cluster.NodeFeed.Put(Objects.Node("node-1"));
        cluster.JobFeed.Put(Objects.Job("solo"));
        await cluster.CreatePodAsync(new k8s.Models.V1Pod
        {
            Metadata = new k8s.Models.V1ObjectMeta { Name = GpuPoolApi.PodName("solo"), NamespaceProperty = Objects.Namespace, Labels = new Dictionary<string, string> { [GpuPoolApi.JobNameLabel] = "solo" } },
            Spec = new k8s.Models.V1PodSpec { Containers = [new k8s.Models.V1Container { Name = "x" }] },
        }, CancellationToken.None);
        await using var harness = await OperatorHarness.StartAsync(cluster);

        await harness.WindowAsync(cluster);

        var job = cluster.JobFeed.Get(Objects.Namespace + "/solo")!;
        Assert.Empty(cluster.Binds);
        Assert.Equal(ConditionReasons.PodNameTaken, job.Status?.Condition(ConditionTypes.Scheduled)?.Reason);
        Assert.Equal(1, harness.Metrics.BindFailures.WithLabels(BindFailureReasons.PodNameTaken).Value);
    }

    private static string OperationLabel(FakeOperation operation) => operation switch
    {
        FakeOperation.CreatePod => "create_pod",
        FakeOperation.BindPod => "bind_pod",
        FakeOperation.PatchStatus => "patch_status",
        _ => "create_event",
    };

    private static FakeCluster FourJobsOnTwoGpus()
    {
        var cluster = new FakeCluster();
        cluster.NodeFeed.Put(Objects.Node("node-1"));
        cluster.NodeFeed.Put(Objects.Node("node-2"));
        foreach (var name in new[] { "a", "b", "c", "d" })
        {
            cluster.JobFeed.Put(Objects.Job(name));
        }

        return cluster;
    }
}
