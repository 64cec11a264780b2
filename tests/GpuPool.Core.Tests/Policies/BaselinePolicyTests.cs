using GpuPool.Core.Placement;
using GpuPool.Core.Policies;
using GpuPool.Core.Sharing;
using GpuPool.Core.Tests.Builders;

namespace GpuPool.Core.Tests.Policies;

public class BaselinePolicyTests
{
    [Fact]
    public void NoSharing_places_one_job_per_gpu_by_priority_and_the_rest_wait()
    {
        var jobs = new[] { Build.Job("a"), Build.Job("b", priority: 5), Build.Job("c") };

        var plan = new NoSharingPolicy().Plan(new SchedulingBatch(jobs, Build.IdleGpus(2)));

        Assert.Equal(["b", "a"], plan.Assignments.Select(a => a.Job.Id));
        Assert.All(plan.Assignments, a => Assert.Equal(SharingSetting.Exclusive, a.Setting));
        Assert.Equal(2, plan.Assignments.Select(a => a.Gpu).Distinct().Count());
        Assert.Equal(["c"], plan.Waiting.Select(j => j.Id));
    }

    [Fact]
    public void NoSharing_fits_memory_best_first()
    {
        GpuState[] gpus = [Build.IdleGpu("big", memoryMiB: 80 * 1024), Build.IdleGpu("small", memoryMiB: 16 * 1024)];
        var jobs = new[] { Build.Job("fits-small", memoryMiB: 8 * 1024), Build.Job("too-big", memoryMiB: 100 * 1024) };

        var plan = new NoSharingPolicy().Plan(new SchedulingBatch(jobs, gpus));

        Assert.Equal("small", Assert.Single(plan.Assignments).Gpu.Node);
        Assert.Equal("too-big", Assert.Single(plan.Waiting).Id);
    }

    [Fact]
    public void Coarse_packs_two_slice_jobs_per_gpu_and_gives_big_jobs_a_whole_gpu()
    {
        var jobs = new[]
        {
            Build.Job("s1", memoryMiB: 4096), Build.Job("big", memoryMiB: 20 * 1024),
            Build.Job("s2", memoryMiB: 8192), Build.Job("s3", memoryMiB: 2048),
        };

        var plan = new CoarsePolicy().Plan(new SchedulingBatch(jobs, Build.IdleGpus(3)));

        var big = plan.Assignments.Single(a => a.Job.Id == "big");
        Assert.Equal(SharingSetting.Exclusive, big.Setting);
        var sliced = plan.Assignments.Where(a => a.Job.Id != "big").ToList();
        Assert.All(sliced, a => Assert.Equal(SharingMode.Partitioned, a.Setting.Mode));
        Assert.Equal(2, sliced.Select(a => a.Gpu).Distinct().Count());
        Assert.Equal(1, plan.PairsFormed);
        Assert.Empty(plan.Waiting);
    }

    [Fact]
    public void Coarse_fills_the_free_slice_of_a_running_gpu_before_opening_an_idle_one()
    {
        var running = Build.Job("running", memoryMiB: 4096);
        GpuState[] gpus = [Build.IdleGpu("idle"), Build.Busy("busy", running, share: SharingSetting.Partition(0.5))];

        var plan = new CoarsePolicy().Plan(new SchedulingBatch([Build.Job("new", memoryMiB: 4096)], gpus));

        var assignment = Assert.Single(plan.Assignments);
        Assert.Equal("busy", assignment.Gpu.Node);
        Assert.Equal(running, assignment.Partner);
    }

    [Fact]
    public void Heuristic_pairs_the_highest_bandwidth_job_with_the_lowest()
    {
        var jobs = new[]
        {
            Build.Job("hi", dramBandwidth: 0.9), Build.Job("mid-hi", dramBandwidth: 0.5),
            Build.Job("lo", dramBandwidth: 0.1), Build.Job("mid-lo", dramBandwidth: 0.3),
        };

        var plan = new HeuristicPolicy().Plan(new SchedulingBatch(jobs, Build.IdleGpus(4)));

        var partners = plan.Assignments.ToDictionary(a => a.Job.Id, a => a.Partner?.Id);
        Assert.Equal("lo", partners["hi"]);
        Assert.Equal("mid-lo", partners["mid-hi"]);
        Assert.Equal(2, plan.PairsFormed);
        Assert.All(plan.Assignments, a => Assert.Equal(SharingSetting.Even, a.Setting));
    }

    [Fact]
    public void Heuristic_gives_a_bandwidth_heavy_running_job_the_lightest_pending_partner()
    {
        var running = Build.Job("running", dramBandwidth: 0.9);
        var jobs = new[] { Build.Job("a", dramBandwidth: 0.2), Build.Job("b", dramBandwidth: 0.05), Build.Job("c", dramBandwidth: 0.6) };

        var plan = new HeuristicPolicy().Plan(new SchedulingBatch(jobs, [Build.Busy("busy", running), Build.IdleGpu("idle")]));

        Assert.Equal("b", plan.Assignments.Single(a => a.Gpu.Node == "busy").Job.Id);
    }
}
