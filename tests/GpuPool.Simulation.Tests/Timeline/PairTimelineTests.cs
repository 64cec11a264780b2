using GpuPool.Core.Gpus;
using GpuPool.Core.Jobs;
using GpuPool.Core.Sharing;
using GpuPool.Simulation.Timeline;

namespace GpuPool.Simulation.Tests.Timeline;

public sealed class PairTimelineTests
{
    public static TheoryData<string, double, double> HandChecked => new()
    {
        // A = [a1 1 s] once, B = [b1 2 s] once, rates 0.5/0.5: A ends at 2, B has 1 s left alone: ends at 3.
        { "single", 2, 3 },
        // A = [a1 1 s, a2 1 s], B = [b1 3 s]; (a1,b1) = 0.5/0.25, (a2,b1) = 1/0.5.
        // a1 ends at 2 (B did 0.5); a2 ends at 3 (B did 0.5 more); B alone 2 s: ends at 5.
        { "two-kernels", 3, 5 },
        // A = [a1 1 s] x 3, B = [b1 1 s] once, 0.5/0.5: both end a kernel at 2; A alone 2 more iterations: 4.
        { "iterations", 4, 2 },
    };

    [Theory]
    [MemberData(nameof(HandChecked))]
    public void Hand_checked_timelines(string scenario, double secondsA, double secondsB)
    {
        var (a, b) = Scenario(scenario);
        var rates = new SettingRates(new FixedRates(("a1", "b1", 0.5, scenario == "two-kernels" ? 0.25 : 0.5), ("a2", "b1", 1.0, 0.5)), GpuModel.V100);

        var result = new PairTimeline(rates).Run(a, b, SharingSetting.Even);

        Assert.Equal(secondsA, result.SharedSecondsA, 9);
        Assert.Equal(secondsB, result.SharedSecondsB, 9);
        Assert.Equal(a.IsolatedSeconds / secondsA, result.NpA, 9);
        Assert.Equal(b.IsolatedSeconds / secondsB, result.NpB, 9);
    }

    [Theory]
    [InlineData(0.7)]
    [InlineData(2.5)]
    [InlineData(3.9)]
    public void Stopping_midway_and_resuming_changes_nothing(double stop)
    {
        var (a, b) = Scenario("two-kernels");
        var rates = new SettingRates(new FixedRates(("a1", "b1", 0.5, 0.25), ("a2", "b1", 1.0, 0.5)), GpuModel.V100);
        var gpu = new GpuTimeline(rates);
        gpu.Start(a, SharingSetting.Even);
        gpu.Start(b, SharingSetting.Even);

        var ends = gpu.AdvanceTo(stop).Concat(gpu.AdvanceTo(double.PositiveInfinity)).ToDictionary(f => f.Job.Id, f => f.EndSeconds);

        Assert.Equal(3, ends["A"], 9);
        Assert.Equal(5, ends["B"], 9);
    }

    [Fact]
    public void Partitioned_jobs_run_at_their_slice_rate_without_interference_and_keep_it_alone()
    {
        // 640 blocks of 256 threads fill all 80 SMs: half the SMs, half the speed, before and after the partner leaves.
        var a = new Job("A", [Kernels.Make("a1", 1)], 1, 0.5, 0);
        var b = new Job("B", [Kernels.Make("b1", 2)], 1, 0.5, 0);

        var result = new PairTimeline(new SettingRates(new FixedRates(), GpuModel.V100)).Run(a, b, SharingSetting.Partition(0.5));

        Assert.Equal(2, result.SharedSecondsA, 9);
        Assert.Equal(4, result.SharedSecondsB, 9);
    }

    [Fact]
    public void A_third_job_is_refused()
    {
        var (a, b) = Scenario("single");
        var gpu = new GpuTimeline(new SettingRates(new FixedRates(), GpuModel.V100));
        gpu.Start(a, SharingSetting.Even);
        gpu.Start(b, SharingSetting.Even);

        Assert.Throws<InvalidOperationException>(() => gpu.Start(new Job("C", a.Kernels, 1, 0.5, 0), SharingSetting.Even));
    }

    [Fact]
    public void Ground_truth_predictor_answers_each_setting_and_mirrors_the_swapped_question()
    {
        var (a, b) = Scenario("single");
        var predictor = new GroundTruthPairPredictor(new SettingRates(new FixedRates(("a1", "b1", 0.5, 0.5)), GpuModel.V100));

        var outcome = predictor.Predict(a, b, [SharingSetting.Split(0.25)]).Single();
        var mirrored = predictor.Predict(b, a, [SharingSetting.Split(0.75)]).Single();

        Assert.Equal((0.5, 2.0 / 3), (outcome.NpA, outcome.NpB));
        Assert.Equal((outcome.NpB, outcome.NpA), (mirrored.NpA, mirrored.NpB));
    }

    private static (Job A, Job B) Scenario(string name) => name switch
    {
        "single" => (Make("A", 1, ("a1", 1)), Make("B", 1, ("b1", 2))),
        "two-kernels" => (Make("A", 1, ("a1", 1), ("a2", 1)), Make("B", 1, ("b1", 3))),
        _ => (Make("A", 3, ("a1", 1)), Make("B", 1, ("b1", 1))),
    };

    private static Job Make(string id, int iterations, params (string Id, double Seconds)[] kernels) =>
        new(id, kernels.Select(k => Kernels.Make(k.Id, k.Seconds)).ToList(), iterations, 0.5, 0);
}
