using GpuPool.Core.Gpus;
using GpuPool.Core.Jobs;
using GpuPool.Core.Placement;
using GpuPool.Core.Policies;
using GpuPool.Core.Sharing;
using GpuPool.Simulation.Cluster;
using GpuPool.Simulation.Gpus;
using GpuPool.Simulation.Timeline;
using GpuPool.Simulation.Workloads;

namespace GpuPool.Simulation.Tests.Cluster;

public sealed class ClusterSimulatorTests
{
    private static readonly Lazy<(SettingRates Rates, IReadOnlyList<JobArrival> Arrivals)> Embedded = new(() =>
    {
        var dataset = EmbeddedWorkload.Dataset();
        var rates = new SettingRates(CalibratedCoRunModel.For(dataset), dataset.Gpu);
        var options = new WorkloadOptions { JobMix = new JobMixOptions { JobCount = 40, Iterations = [100, 200] }, Seed = 1 };
        return (rates, WorkloadBuilder.Build(dataset, options, 4));
    });

    public static TheoryData<string> Policies => new() { "NoSharing", "Coarse", "Heuristic", "GpuPool", "GpuPoolWeighted", "TrueNpMatching" };

    [Theory]
    [MemberData(nameof(Policies))]
    public void Every_job_finishes_exactly_once_and_no_gpu_holds_more_than_two(string name)
    {
        var (rates, arrivals) = Embedded.Value;
        var policy = Policy(rates, name);

        var result = new ClusterSimulator(new ClusterOptions { Gpus = 4 }, rates).Run(policy, arrivals);

        Assert.Equal(arrivals.Select(a => a.Job.Id).Order(), result.Outcomes.Select(o => o.JobId).Order());
        Assert.Equal(0, result.JobsWaiting);
        foreach (var gpu in result.Outcomes.GroupBy(o => o.Gpu))
        {
            var events = gpu.SelectMany(o => new[] { (o.StartSeconds, 1), (o.EndSeconds, -1) }).OrderBy(e => e.Item1).ThenBy(e => e.Item2);
            var running = 0;
            foreach (var (_, delta) in events)
            {
                running += delta;
                Assert.InRange(running, 0, 2);
            }
        }

        Assert.All(result.Outcomes, o => Assert.True(o.StartSeconds >= arrivals.Single(a => a.Job.Id == o.JobId).ArrivalSeconds));
    }

    [Fact]
    public void No_sharing_gives_exactly_one_isolated_second_per_busy_gpu_second()
    {
        var (rates, arrivals) = Embedded.Value;

        var result = new ClusterSimulator(new ClusterOptions { Gpus = 4 }, rates).Run(Policy(rates, "NoSharing"), arrivals);

        Assert.Equal(1.0, result.StpPerGpu, 9);
        Assert.All(result.GpuStps, s => Assert.Equal(1.0, s, 9));
        Assert.All(result.Outcomes, o => Assert.Equal(1.0, o.Np, 9));
    }

    [Fact]
    public void A_survivor_gets_a_new_partner_in_a_later_window()
    {
        var (rates, arrivals) = Embedded.Value;
        var three = arrivals.Take(3).Select(a => a with { ArrivalSeconds = 0, Job = new Job(a.Job.Id, a.Job.Kernels, 2800, 0.5, 1024) }).ToList();

        var result = new ClusterSimulator(new ClusterOptions { Gpus = 1, WindowSeconds = 0.01 }, rates).Run(Policy(rates, "Heuristic"), three);

        var byStart = result.Outcomes.OrderBy(o => o.StartSeconds).ToList();
        Assert.Equal(0, byStart[1].StartSeconds);
        Assert.True(byStart[2].StartSeconds > 0, "the third job had to wait for a slot");
        Assert.True(byStart[2].StartSeconds < Math.Max(byStart[0].EndSeconds, byStart[1].EndSeconds), "it joined the survivor rather than waiting for an idle GPU");
    }

    [Fact]
    public void A_job_too_large_for_any_gpu_waits_and_is_reported()
    {
        var (rates, arrivals) = Embedded.Value;
        var huge = new Job("huge", arrivals[0].Job.Kernels, 1, 0.5, 64 * 1024);

        var result = new ClusterSimulator(new ClusterOptions { Gpus = 2 }, rates).Run(Policy(rates, "NoSharing"), [.. arrivals.Take(3), new JobArrival(huge, 0)]);

        Assert.Equal(1, result.JobsWaiting);
        Assert.Equal(3, result.Outcomes.Count);
    }

    [Fact]
    public void A_plan_putting_a_third_job_on_a_gpu_is_refused()
    {
        var (rates, arrivals) = Embedded.Value;

        Assert.Throws<InvalidOperationException>(() => new ClusterSimulator(new ClusterOptions { Gpus = 1 }, rates).Run(new NamedPolicy("rogue", new CrowdingPolicy()), arrivals.Take(3).Select(a => a with { ArrivalSeconds = 0 }).ToList()));
    }

    private static NamedPolicy Policy(SettingRates rates, string name) =>
        PolicyCatalog.Select(PolicyCatalog.All(new GroundTruthPairPredictor(rates), null, 0.1), [name]).Single();

    /// <summary>Puts every pending job on the first GPU, naming a running job as partner: a policy bug.</summary>
    private sealed class CrowdingPolicy : ISharingPolicy
    {
        public string Name => "rogue";

        public PlacementPlan Plan(SchedulingBatch batch)
        {
            var gpu = batch.Gpus[0];
            var first = gpu.Running.Count > 0 ? gpu.Running[0] : batch.Pending[0];
            return new PlacementPlan(batch.Pending.Select(j => new Assignment(j, gpu.Gpu.Id, j == first ? null : first, SharingSetting.Even, null)).ToList(), []);
        }
    }
}
