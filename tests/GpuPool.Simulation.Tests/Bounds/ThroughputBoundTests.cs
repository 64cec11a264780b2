using GpuPool.Core.Jobs;
using GpuPool.Core.Placement;
using GpuPool.Core.Sharing;
using GpuPool.Simulation.Bounds;
using GpuPool.Simulation.Cluster;
using GpuPool.Simulation.Gpus;
using GpuPool.Simulation.Timeline;
using GpuPool.Simulation.Workloads;

namespace GpuPool.Simulation.Tests.Bounds;

/// <summary>
/// The Oracle's bound against exhaustive search: on small workloads of three jobs, every schedule
/// of a family that covers each way to pair, split and rematch them (on one GPU and on two), and
/// every catalog policy on one and two GPUs, stays at or below it.
/// </summary>
public sealed class ThroughputBoundTests
{
    private static readonly Lazy<(SettingRates Rates, IReadOnlyList<Core.Kernels.KernelProfile> Kernels)> Embedded = new(() =>
    {
        var dataset = EmbeddedWorkload.Dataset();
        return (new SettingRates(CalibratedCoRunModel.For(dataset), dataset.Gpu), dataset.Profiles);
    });

    public static TheoryData<int> Seeds => [0, 1, 2, 3, 4, 5, 6, 7];

    [Theory]
    [MemberData(nameof(Seeds))]
    public void No_schedule_of_a_small_workload_beats_the_bound(int seed)
    {
        var (rates, _) = Embedded.Value;
        var jobs = SmallWorkload(seed);
        var bound = ThroughputBound.StpPerGpu(jobs, rates, PolicyCatalog.PairSettings);

        var schedules = ExhaustiveSchedules(jobs, rates).ToList();

        Assert.InRange(bound, 1.0, 2.0);
        Assert.All(schedules, s => Assert.True(s.StpPerGpu <= bound + 1e-9, $"{s.Name}: {s.StpPerGpu} > bound {bound}"));
        Assert.True(schedules.Max(s => s.StpPerGpu) > 1.0, $"no schedule shares profitably; bound {bound}");
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void No_policy_beats_the_bound(int seed)
    {
        var (rates, _) = Embedded.Value;
        var jobs = SmallWorkload(seed);
        var bound = ThroughputBound.StpPerGpu(jobs, rates, PolicyCatalog.PairSettings);
        var arrivals = jobs.Select(j => new JobArrival(j, 0)).ToList();

        foreach (var gpus in new[] { 1, 2 })
        {
            foreach (var policy in PolicyCatalog.All(new GroundTruthPairPredictor(rates), null, 0.0))
            {
                var result = new ClusterSimulator(new ClusterOptions { Gpus = gpus }, rates).Run(policy, arrivals);
                Assert.True(result.StpPerGpu <= bound + 1e-9, $"{policy.Label} on {gpus} GPUs: {result.StpPerGpu} > bound {bound}");
            }
        }
    }

    /// <summary>
    /// A job larger than the GPU's memory waits in every schedule, so the work it would add (here
    /// a long, mostly unpaired tail that would drag the bound towards 1) must not lower the bound
    /// below the policies that run the rest.
    /// </summary>
    [Theory]
    [MemberData(nameof(Seeds))]
    public void A_job_no_gpu_can_hold_does_not_lower_the_bound(int seed)
    {
        var (rates, _) = Embedded.Value;
        var jobs = SmallWorkload(seed);
        var huge = new Job("huge", jobs[0].Kernels, 400, 0.1, rates.Gpu.MemoryMiB + 1);
        var bound = ThroughputBound.StpPerGpu([.. jobs, huge], rates, PolicyCatalog.PairSettings);
        var arrivals = jobs.Append(huge).Select(j => new JobArrival(j, 0)).ToList();

        Assert.Equal(ThroughputBound.StpPerGpu(jobs, rates, PolicyCatalog.PairSettings), bound, 12);
        foreach (var policy in PolicyCatalog.All(new GroundTruthPairPredictor(rates), null, 0.0))
        {
            var result = new ClusterSimulator(new ClusterOptions { Gpus = 2, GpuModel = rates.Gpu }, rates).Run(policy, arrivals);
            Assert.Equal(1, result.JobsWaiting);
            Assert.True(result.StpPerGpu <= bound + 1e-9, $"{policy.Label}: {result.StpPerGpu} > bound {bound}");
        }
    }

    // Three jobs of one or two kernels and few iterations, so every schedule below runs in milliseconds.
    private static List<Job> SmallWorkload(int seed)
    {
        var (_, kernels) = Embedded.Value;
        var random = new Random(seed);
        return [.. Enumerable.Range(0, 3).Select(i => new Job(
            $"j{i}",
            [.. Enumerable.Range(0, random.Next(1, 3)).Select(_ => kernels[random.Next(kernels.Count)])],
            random.Next(2, 7),
            0.1,
            1024))];
    }

    /// <summary>
    /// Every ordered pair (x, y) of the jobs under every setting a policy can use, the third job
    /// either joining the survivor at the share it left (one GPU) or running alone on a second GPU;
    /// and all three alone.
    /// </summary>
    private static IEnumerable<(string Name, double StpPerGpu)> ExhaustiveSchedules(List<Job> jobs, SettingRates rates)
    {
        var work = jobs.Sum(j => j.IsolatedSeconds);
        yield return ("all alone", 1.0);
        foreach (var x in jobs)
        {
            foreach (var y in jobs.Where(j => j != x))
            {
                var z = jobs.Single(j => j != x && j != y);
                foreach (var setting in PolicyCatalog.PairSettings)
                {
                    var pair = new GpuTimeline(rates);
                    pair.Start(x, setting);
                    pair.Start(y, setting.Swapped);
                    var split = Clone(rates, x, y, setting);
                    yield return ($"{x}+{y} {setting}, {z} on another GPU", work / (RunToEnd(split) + z.IsolatedSeconds));
                    yield return ($"{x}+{y} {setting}, {z} joins the survivor", work / Rematch(pair, z));
                }
            }
        }
    }

    private static GpuTimeline Clone(SettingRates rates, Job x, Job y, SharingSetting setting)
    {
        var gpu = new GpuTimeline(rates);
        gpu.Start(x, setting);
        gpu.Start(y, setting.Swapped);
        return gpu;
    }

    // Busy until the last job ends (an idle timeline's clock would run on to the limit).
    private static double RunToEnd(GpuTimeline gpu) => gpu.AdvanceTo(double.PositiveInfinity).Max(f => f.EndSeconds);

    // Runs the pair until one job ends, then starts the third beside the survivor a little later
    // (at most one step; if both ended, the GPU idles up to a step, which only lowers the schedule).
    private static double Rematch(GpuTimeline gpu, Job third)
    {
        var step = gpu.Running.SelectMany(p => p.Job.Kernels).Min(k => k.IsolatedSeconds) / 4;
        while (gpu.Running.Count == 2)
        {
            gpu.AdvanceTo(gpu.Now + step);
        }

        if (gpu.Running.Count == 1)
        {
            var resident = new Resident(gpu.SettingOf(gpu.Running[0].Job));
            gpu.Start(third, resident.HasRoom ? resident.NewcomerSetting : SharingSetting.Exclusive);
        }
        else
        {
            gpu.Start(third, SharingSetting.Exclusive);
        }

        return RunToEnd(gpu);
    }
}
