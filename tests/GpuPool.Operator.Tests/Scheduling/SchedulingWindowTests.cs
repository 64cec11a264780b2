using GpuPool.Core.Contracts;
using GpuPool.Operator.Resources;
using GpuPool.Operator.Tests.Builders;
using GpuPool.Operator.Tests.Fakes;

namespace GpuPool.Operator.Tests.Scheduling;

/// <summary>What one window decides and writes, through the real GpuPool policy and the in-memory cluster.</summary>
public sealed class SchedulingWindowTests
{
    [Fact]
    public async Task Two_compatible_jobs_share_one_gpu_and_get_status_conditions_and_events()
    {
        var cluster = new FakeCluster();
        cluster.NodeFeed.Put(Objects.Node("node-1"));
        cluster.JobFeed.Put(Objects.Job("a"));
        cluster.JobFeed.Put(Objects.Job("b"));
        await using var harness = await OperatorHarness.StartAsync(cluster);

        var report = await harness.WindowAsync(cluster);

        Assert.Equal((2, 2, 1), (report.Planned, report.Bound, report.PairsFormed));
        var a = cluster.JobFeed.Get("team-a/a")!.Status!;
        var b = cluster.JobFeed.Get("team-a/b")!.Status!;
        Assert.Equal(("node-1", 0, "team-a/b"), (a.Node, a.Gpu!.Value, a.Partner));
        Assert.Equal(("node-1", 0, "team-a/a"), (b.Node, b.Gpu!.Value, b.Partner));
        Assert.Equal(ConditionReasons.Paired, a.Condition(ConditionTypes.Scheduled)!.Reason);
        Assert.Equal(0.9, a.PredictedNp);
        Assert.Equal(2, cluster.Events.Count(e => e.Reason == ConditionReasons.Paired));
        Assert.Equal(2, harness.Metrics.JobsScheduled.WithLabels("shared").Value);
        Assert.Equal(1, harness.Metrics.PairsFormed.Value);
        Assert.Equal(1.8, harness.Metrics.GpuStp.WithLabels("node-1", "0").Value, 6);
    }

    [Fact]
    public async Task Jobs_predicted_to_clash_run_alone_on_separate_gpus()
    {
        var cluster = new FakeCluster();
        cluster.NodeFeed.Put(Objects.Node("node-1", gpus: 2));
        cluster.JobFeed.Put(Objects.Job("a"));
        cluster.JobFeed.Put(Objects.Job("b"));
        await using var harness = await OperatorHarness.StartAsync(cluster, new PairTablePredictor().Clash("a", "b"));

        await harness.WindowAsync(cluster);

        var statuses = cluster.JobFeed.Items().Select(j => j.Status!).ToList();
        Assert.All(statuses, s => Assert.Equal(((string?)null, ConditionReasons.Alone), (s.Partner, s.Condition(ConditionTypes.Scheduled)!.Reason)));
        Assert.Equal([0, 1], statuses.Select(s => s.Gpu!.Value).Order());
        Assert.Equal(2, harness.Metrics.JobsScheduled.WithLabels("alone").Value);
    }

    [Fact]
    public async Task A_job_whose_profile_is_missing_runs_alone_with_a_condition_while_others_pair()
    {
        var cluster = new FakeCluster();
        cluster.NodeFeed.Put(Objects.Node("node-1", gpus: 2));
        cluster.JobFeed.Put(Objects.Job("orphan", profile: "nowhere"));
        cluster.JobFeed.Put(Objects.Job("b"));
        cluster.JobFeed.Put(Objects.Job("c"));
        await using var harness = await OperatorHarness.StartAsync(cluster);

        await harness.WindowAsync(cluster);

        var orphan = cluster.JobFeed.Get("team-a/orphan")!.Status!;
        Assert.True(orphan.Condition(ConditionTypes.ProfileMissing)!.IsTrue);
        Assert.Equal(ConditionReasons.ProfileNotFound, orphan.Condition(ConditionTypes.ProfileMissing)!.Reason);
        Assert.Equal((JobPhase.Scheduled, (string?)null), (orphan.Phase, orphan.Partner));
        Assert.Equal("team-a/c", cluster.JobFeed.Get("team-a/b")!.Status!.Partner);
        var pod = cluster.PodFeed.Get("team-a/orphan-gpupool")!;
        Assert.Equal(("exclusive", "1", "100"), (pod.Metadata.Annotations[PodAnnotations.SharingMode], pod.Metadata.Annotations[PodAnnotations.Share], pod.Metadata.Annotations[PodAnnotations.MpsActiveThreadPercentage]));
        Assert.Contains(cluster.Events, e => e.Warning && e.Reason == ConditionReasons.ProfileNotFound);
    }

    [Fact]
    public async Task A_job_with_a_profile_reference_uses_the_profiles_kernels_in_its_workload()
    {
        var cluster = new FakeCluster();
        cluster.NodeFeed.Put(Objects.Node("node-1"));
        cluster.ProfileFeed.Put(Objects.Profile("resnet", Objects.Kernel("conv1"), Objects.Kernel("fc")));
        cluster.JobFeed.Put(Objects.Job("train", profile: "resnet"));
        await using var harness = await OperatorHarness.StartAsync(cluster);

        await harness.WindowAsync(cluster);

        var workload = cluster.PodFeed.Get("team-a/train-gpupool")!.Metadata.Annotations[PodAnnotations.Workload];
        using var doc = System.Text.Json.JsonDocument.Parse(workload);
        Assert.Equal("team-a/train", doc.RootElement.GetProperty("job").GetString());
        Assert.Equal(["conv1", "fc"], doc.RootElement.GetProperty("kernels").EnumerateArray().Select(k => k.GetProperty("id").GetString()));
    }

    [Fact]
    public async Task An_invalid_spec_is_flagged_once_per_generation_and_scheduled_after_a_fix()
    {
        var cluster = new FakeCluster();
        cluster.NodeFeed.Put(Objects.Node("node-1"));
        var bad = Objects.Job("bad");
        bad.Spec = bad.Spec with { ProfileRef = "resnet" };
        cluster.JobFeed.Put(bad);
        await using var harness = await OperatorHarness.StartAsync(cluster);

        var first = await harness.WindowAsync(cluster);
        var version = cluster.JobFeed.Get("team-a/bad")!.Metadata.ResourceVersion;
        var second = await harness.WindowAsync(cluster);

        Assert.Equal((1, 0, 0), (first.Rejected, second.Rejected, second.Planned));
        var flagged = cluster.JobFeed.Get("team-a/bad")!;
        Assert.Equal(version, flagged.Metadata.ResourceVersion);
        Assert.Equal(ConditionReasons.KernelSourceAmbiguous, flagged.Status!.Condition(ConditionTypes.Invalid)!.Reason);
        Assert.Single(cluster.Events, e => e.Reason == ConditionReasons.KernelSourceAmbiguous);

        flagged.Spec = flagged.Spec with { ProfileRef = null };
        flagged.Metadata.Generation = 2;
        cluster.JobFeed.Put(flagged);
        var fixedWindow = await harness.WindowAsync(cluster);

        Assert.Equal(1, fixedWindow.Bound);
        var status = cluster.JobFeed.Get("team-a/bad")!.Status!;
        Assert.Equal((JobPhase.Scheduled, ConditionReasons.SpecValid), (status.Phase, status.Condition(ConditionTypes.Invalid)!.Reason));
    }

    [Fact]
    public async Task Jobs_beyond_capacity_wait_with_one_condition_and_take_a_partner_slot_later()
    {
        var cluster = new FakeCluster();
        cluster.NodeFeed.Put(Objects.Node("node-1"));
        cluster.JobFeed.Put(Objects.Job("first"));
        await using var harness = await OperatorHarness.StartAsync(cluster, new PairTablePredictor().Clash("first", "second").Clash("first", "third"));
        await harness.WindowAsync(cluster);
        cluster.JobFeed.Put(Objects.Job("second"));
        cluster.JobFeed.Put(Objects.Job("third"));

        var waiting = await harness.WindowAsync(cluster);
        var versions = cluster.JobFeed.Items().ToDictionary(j => j.Key, j => j.Metadata.ResourceVersion);
        await harness.WindowAsync(cluster);

        Assert.Equal(2, waiting.Waiting);
        Assert.Equal(versions, cluster.JobFeed.Items().ToDictionary(j => j.Key, j => j.Metadata.ResourceVersion));
        var second = cluster.JobFeed.Get("team-a/second")!.Status!;
        Assert.Equal((JobPhase.Pending, ConditionReasons.WaitingForGpu), (second.Phase, second.Condition(ConditionTypes.Scheduled)!.Reason));
        Assert.Equal(2, harness.Metrics.PendingJobs.Value);
    }

    [Fact]
    public async Task A_running_job_with_a_free_partner_slot_is_paired_with_a_new_job()
    {
        var cluster = new FakeCluster();
        cluster.NodeFeed.Put(Objects.Node("node-1"));
        cluster.JobFeed.Put(Objects.Job("early"));
        await using var harness = await OperatorHarness.StartAsync(cluster);
        await harness.WindowAsync(cluster);
        cluster.SetPodPhase("team-a/early-gpupool", "Running");
        cluster.JobFeed.Put(Objects.Job("late"));

        await harness.WindowAsync(cluster);

        var late = cluster.JobFeed.Get("team-a/late")!.Status!;
        Assert.Equal(("node-1", 0, "team-a/early"), (late.Node, late.Gpu!.Value, late.Partner));
        Assert.Equal(JobPhase.Running, cluster.JobFeed.Get("team-a/early")!.Status!.Phase);
    }
}
