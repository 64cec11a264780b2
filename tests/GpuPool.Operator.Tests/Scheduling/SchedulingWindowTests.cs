using GpuPool.Contracts;
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
    public async Task A_job_whose_profile_is_missing_gets_no_pod_and_waits_then_runs_once_the_profile_exists()
    {
        var cluster = new FakeCluster();
        cluster.NodeFeed.Put(Objects.Node("node-1", gpus: 2));
        cluster.JobFeed.Put(Objects.Job("orphan", profile: "nowhere"));
        cluster.JobFeed.Put(Objects.Job("b"));
        cluster.JobFeed.Put(Objects.Job("c"));
        await using var harness = await OperatorHarness.StartAsync(cluster);

        await harness.WindowAsync(cluster);
        await harness.WindowAsync(cluster);

        var orphan = cluster.JobFeed.Get("team-a/orphan")!.Status!;
        Assert.Null(cluster.PodFeed.Get("team-a/orphan-gpupool"));
        Assert.Equal(JobPhase.Pending, orphan.Phase);
        Assert.Equal((true, ConditionReasons.ProfileNotFound), (orphan.Condition(ConditionTypes.ProfileMissing)!.IsTrue, orphan.Condition(ConditionTypes.ProfileMissing)!.Reason));
        var scheduled = orphan.Condition(ConditionTypes.Scheduled)!;
        Assert.Equal((false, ConditionReasons.ProfileMissing), (scheduled.IsTrue, scheduled.Reason));
        Assert.Contains("GpuProfile 'nowhere'", scheduled.Message, StringComparison.Ordinal);
        Assert.Equal("team-a/c", cluster.JobFeed.Get("team-a/b")!.Status!.Partner);
        Assert.Single(cluster.Events, e => e.Warning && e.Reason == ConditionReasons.ProfileNotFound);

        cluster.ProfileFeed.Put(Objects.Profile("nowhere", Objects.Kernel("k")));
        await harness.WindowAsync(cluster);

        var placed = cluster.JobFeed.Get("team-a/orphan")!.Status!;
        Assert.Equal((JobPhase.Scheduled, "node-1", 1), (placed.Phase, placed.Node, placed.Gpu!.Value));
        Assert.Equal(ConditionReasons.ProfileFound, placed.Condition(ConditionTypes.ProfileMissing)!.Reason);
        Assert.Equal((true, ConditionReasons.Alone), (placed.Condition(ConditionTypes.Scheduled)!.IsTrue, placed.Condition(ConditionTypes.Scheduled)!.Reason));
        var limits = cluster.PodFeed.Get("team-a/orphan-gpupool")!.Spec.Containers[0].Resources.Limits;
        Assert.Equal("100", limits["gpupool.io/gpu-1"].ToString());
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
    public async Task A_running_job_whose_partner_finished_is_paired_with_a_new_job_within_the_free_share()
    {
        var cluster = new FakeCluster();
        cluster.NodeFeed.Put(Objects.Node("node-1"));
        cluster.JobFeed.Put(Objects.Job("early"));
        cluster.JobFeed.Put(Objects.Job("gone"));
        await using var harness = await OperatorHarness.StartAsync(cluster);
        await harness.WindowAsync(cluster);
        cluster.SetPodPhase("team-a/early-gpupool", "Running");
        cluster.SetPodPhase("team-a/gone-gpupool", "Succeeded");
        cluster.JobFeed.Put(Objects.Job("late"));

        await harness.WindowAsync(cluster);

        var late = cluster.JobFeed.Get("team-a/late")!.Status!;
        Assert.Equal(("node-1", 0, "team-a/early"), (late.Node, late.Gpu!.Value, late.Partner));
        Assert.Equal(JobPhase.Running, cluster.JobFeed.Get("team-a/early")!.Status!.Phase);
        var early = cluster.PodFeed.Get("team-a/early-gpupool")!.Spec.Containers[0].Resources.Limits["gpupool.io/gpu-0"].ToInt32();
        var joined = cluster.PodFeed.Get("team-a/late-gpupool")!.Spec.Containers[0].Resources.Limits["gpupool.io/gpu-0"].ToInt32();
        Assert.InRange(early + joined, 2, 100);
    }

    [Fact]
    public async Task A_job_alone_holds_the_whole_gpu_so_a_new_job_waits()
    {
        var cluster = new FakeCluster();
        cluster.NodeFeed.Put(Objects.Node("node-1"));
        cluster.JobFeed.Put(Objects.Job("early"));
        await using var harness = await OperatorHarness.StartAsync(cluster);
        await harness.WindowAsync(cluster);
        cluster.SetPodPhase("team-a/early-gpupool", "Running");
        cluster.JobFeed.Put(Objects.Job("late"));

        var report = await harness.WindowAsync(cluster);

        Assert.Equal((0, 1), (report.Planned, report.Waiting));
        Assert.Equal(ConditionReasons.WaitingForGpu, cluster.JobFeed.Get("team-a/late")!.Status!.Condition(ConditionTypes.Scheduled)!.Reason);
    }
}
