using GpuPool.Operator.Resources;
using GpuPool.Operator.Tests.Builders;
using GpuPool.Operator.Tests.Fakes;

namespace GpuPool.Operator.Tests.Scheduling;

/// <summary>
/// A window's writes run several at a time (WriteParallelism) against a fake whose writes really
/// overlap: faults and crashes land in the middle of other writes, and every job must still end
/// bound exactly once, pairs whole.
/// </summary>
public sealed class ParallelWriteTests
{
    private const int Jobs = 24;

    public static TheoryData<int, FakeOperation, FakeFault, int> Faults => new()
    {
        // parallelism, operation, fault, times (past 4 in a row a write exhausts its retries and is requeued)
        { 8, FakeOperation.CreatePod, FakeFault.Http(429), 6 },
        { 8, FakeOperation.CreatePod, FakeFault.Http(500), 14 },
        { 8, FakeOperation.BindPod, FakeFault.Http(503), 14 },
        { 8, FakeOperation.PatchStatus, FakeFault.Http(500), 12 },
        { 8, FakeOperation.CreatePod, FakeFault.Http(409), 3 },
        { 8, FakeOperation.BindPod, FakeFault.Http(409), 3 },
        { 16, FakeOperation.CreateEvent, FakeFault.Timeout, 20 },
        { 24, FakeOperation.BindPod, FakeFault.Timeout, 9 },
    };

    public static TheoryData<int, FakeOperation, int> Crashes => new()
    {
        // parallelism, operation, the write that crashes
        { 8, FakeOperation.CreatePod, 1 },
        { 8, FakeOperation.CreatePod, 11 },
        { 8, FakeOperation.BindPod, 7 },
        { 16, FakeOperation.PatchStatus, 13 },
        { 24, FakeOperation.CreateEvent, 5 },
    };

    [Theory]
    [MemberData(nameof(Faults))]
    public async Task Parallel_writes_with_faults_bind_every_job_exactly_once(int parallelism, FakeOperation operation, FakeFault fault, int times)
    {
        var cluster = TwentyFourJobsOnTwelveGpus();
        cluster.Inject(operation, fault, times);
        await using var harness = await OperatorHarness.StartAsync(cluster, configure: o => o.WriteParallelism = parallelism);

        var first = await harness.WindowAsync(cluster);
        await harness.RunToQuietAsync(cluster);

        Assert.Equal(Jobs, first.Planned);
        ClusterAssert.EveryJobBoundOnce(cluster);
        Assert.Equal(Jobs, cluster.JobFeed.Items().Count(j => j.Status?.Condition(ConditionTypes.Scheduled)?.Reason == ConditionReasons.Paired));
    }

    [Theory]
    [MemberData(nameof(Crashes))]
    public async Task A_crash_among_parallel_writes_is_finished_by_the_restarted_operator(int parallelism, FakeOperation operation, int nth)
    {
        var cluster = TwentyFourJobsOnTwelveGpus();
        for (var i = 1; i < nth; i++)
        {
            // Retried, so they only decide which write is the nth.
            cluster.Inject(operation, FakeFault.Http(429));
        }

        cluster.Inject(operation, FakeFault.CrashAfter);
        await using var harness = await OperatorHarness.StartAsync(cluster, configure: o => o.WriteParallelism = parallelism);

        await Assert.ThrowsAsync<SimulatedCrashException>(() => harness.WindowAsync(cluster));
        await harness.RestartAsync();
        await harness.RunToQuietAsync(cluster);

        ClusterAssert.EveryJobBoundOnce(cluster);
        Assert.Equal(Jobs, cluster.JobFeed.Items().Count(j => j.Status?.Condition(ConditionTypes.Scheduled)?.Reason == ConditionReasons.Paired));
    }

    private static FakeCluster TwentyFourJobsOnTwelveGpus()
    {
        var cluster = new FakeCluster { InterleaveWrites = true };
        for (var n = 1; n <= 3; n++)
        {
            cluster.NodeFeed.Put(Objects.Node($"node-{n}", gpus: 4));
        }

        for (var j = 0; j < Jobs; j++)
        {
            cluster.JobFeed.Put(Objects.Job($"job-{j:D2}"));
        }

        return cluster;
    }
}
