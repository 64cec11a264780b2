using GpuPool.Core.Sharing;
using GpuPool.Simulation.Gpus;
using GpuPool.Simulation.Timeline;
using GpuPool.Simulation.Workloads;

namespace GpuPool.Simulation.Tests.Timeline;

public sealed class ExtrapolationAccuracyTests
{
    [Fact]
    public void Extrapolated_pair_np_stays_within_a_hundredth_of_the_exact_timeline()
    {
        var dataset = EmbeddedWorkload.Dataset();
        var rates = new SettingRates(CalibratedCoRunModel.For(dataset), dataset.Gpu);
        var jobs = JobMixGenerator.Generate(dataset.Profiles, new JobMixOptions { JobCount = 30 }, 0);
        var exact = new PairTimeline(rates);
        var fast = new PairTimeline(rates, GroundTruthPairPredictor.DefaultExactIterations);
        var errors = new List<double>();
        foreach (var setting in new[] { SharingSetting.Even, SharingSetting.Split(0.25) })
        {
            for (var i = 0; i < 15; i++)
            {
                var e = exact.Run(jobs[i], jobs[i + 15], setting);
                var f = fast.Run(jobs[i], jobs[i + 15], setting);
                errors.Add(Math.Abs(e.NpA - f.NpA));
                errors.Add(Math.Abs(e.NpB - f.NpB));
            }
        }

        Assert.True(errors.Average() < 0.005, $"mean {errors.Average()}");
        Assert.True(errors.Max() < 0.02, $"max {errors.Max()}");
    }
}
