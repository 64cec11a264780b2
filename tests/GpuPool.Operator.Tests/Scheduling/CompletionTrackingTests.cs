using GpuPool.Operator.Resources;
using GpuPool.Operator.Tests.Builders;
using GpuPool.Operator.Tests.Fakes;

namespace GpuPool.Operator.Tests.Scheduling;

/// <summary>Pods move to Running and finish: status, measured NP, observations and QoS metrics follow.</summary>
public sealed class CompletionTrackingTests
{
    public static TheoryData<string, string?, double?, bool> Endings => new()
    {
        // pod phase, termination message, expected measured NP (none: not measured), QoS violated (target 0.5)
        { "Succeeded", """{"measuredNp":0.8,"isolatedSeconds":8,"sharedSeconds":10}""", 0.8, false },
        { "Succeeded", """{"isolatedSeconds":3,"sharedSeconds":10}""", 0.3, true },
        { "Succeeded", "not json", 0.2 / 10, true },
        { "Failed", null, null, false },
        { "Failed", """{"measuredNp":0.3,"isolatedSeconds":3,"sharedSeconds":10}""", 0.3, true },
    };

    [Theory]
    [MemberData(nameof(Endings))]
    public async Task A_finished_pod_writes_measured_np_completion_and_one_observation(string phase, string? message, double? expectedNp, bool violated)
    {
        var cluster = new FakeCluster();
        cluster.NodeFeed.Put(Objects.Node("node-1"));
        cluster.JobFeed.Put(Objects.Job("a"));
        await using var harness = await OperatorHarness.StartAsync(cluster);
        await harness.WindowAsync(cluster);
        cluster.SetPodPhase("team-a/a-gpupool", "Running");
        await harness.WindowAsync(cluster);
        var running = cluster.JobFeed.Get("team-a/a")!.Status!;

        cluster.SetPodPhase("team-a/a-gpupool", phase, message);
        await harness.WindowAsync(cluster);
        await harness.WindowAsync(cluster);

        var done = cluster.JobFeed.Get("team-a/a")!.Status!;
        Assert.Equal(JobPhase.Running, running.Phase);
        Assert.NotNull(running.StartTime);
        Assert.Equal(phase, done.Phase);
        Assert.Equal(expectedNp, done.MeasuredNp is { } np ? Math.Round(np, 6) : null);
        Assert.NotNull(done.CompletionTime);
        Assert.Equal(phase == "Succeeded" ? ConditionReasons.Succeeded : ConditionReasons.Failed, done.Condition(ConditionTypes.Completed)!.Reason);
        var observations = harness.Observations.Observations.ToList();
        Assert.Equal(expectedNp is null ? 0 : 1, observations.Count);
        if (expectedNp is { } expected)
        {
            Assert.Equal(("team-a/a", Math.Round(expected, 6)), (observations[0].Job, Math.Round(observations[0].MeasuredNp, 6)));
        }

        Assert.Equal(violated ? 1 : 0, harness.Metrics.QosViolations.Value);
    }
}
