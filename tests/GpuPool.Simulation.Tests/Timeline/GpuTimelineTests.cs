using GpuPool.Core.Gpus;
using GpuPool.Core.Jobs;
using GpuPool.Core.Kernels;
using GpuPool.Core.Sharing;
using GpuPool.Simulation.Timeline;

namespace GpuPool.Simulation.Tests.Timeline;

/// <summary>What a host of one GPU timeline (the node emulator) relies on beyond running pairs to the end.</summary>
public sealed class GpuTimelineTests
{
    private static readonly SettingRates Rates = new(new FixedRates(("a1", "b1", 0.5, 0.25)), GpuModel.V100);

    public static TheoryData<int, double[]> MarkStops => new()
    {
        // 10 iterations of 1 s alone: one mark is the end only; 2, 5 and 10 marks split the run evenly.
        { 1, [10] },
        { 2, [5, 10] },
        { 5, [2, 4, 6, 8, 10] },
        { 10, [1, 2, 3, 4, 5, 6, 7, 8, 9, 10] },
        // 10 iterations in 3 marks: a mark is reached at 4, 7 and 10 iterations (10 x 1/3, 10 x 2/3, rounded up).
        { 3, [4, 7, 10] },
    };

    [Theory]
    [MemberData(nameof(MarkStops))]
    public void Advancing_with_marks_returns_at_each_mark_of_the_iterations(int marks, double[] stops)
    {
        var gpu = new GpuTimeline(Rates);
        var progress = gpu.Start(Make("A", 10, ("a1", 1)), SharingSetting.Exclusive);
        var seen = new List<double>();

        while (gpu.Running.Count > 0)
        {
            // An idle timeline's clock runs on to the limit: the last stop is the job's end.
            var finished = gpu.AdvanceTo(double.PositiveInfinity, marks);
            seen.Add(finished.Count > 0 ? finished[0].EndSeconds : gpu.Now);
            Assert.True(progress.Mark(marks) == seen.Count || progress.IsDone, $"mark {progress.Mark(marks)} after {seen.Count} stops");
        }

        Assert.Equal(stops, seen.Select(t => Math.Round(t, 9)));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(10)]
    public void Stopping_at_marks_leaves_the_end_times_unchanged(int marks)
    {
        // A = [a1 1 s] x 3 beside B = [b1 2 s] x 2 at 0.5 / 0.25, then the survivor alone.
        IReadOnlyDictionary<string, double> Ends(int? stopEvery)
        {
            var gpu = new GpuTimeline(Rates);
            gpu.Start(Make("A", 3, ("a1", 1)), SharingSetting.Even);
            gpu.Start(Make("B", 2, ("b1", 2)), SharingSetting.Even);
            var ends = new Dictionary<string, double>();
            while (gpu.Running.Count > 0)
            {
                var finished = stopEvery is { } m ? gpu.AdvanceTo(double.PositiveInfinity, m) : gpu.AdvanceTo(double.PositiveInfinity);
                foreach (var f in finished)
                {
                    ends[f.Job.Id] = f.EndSeconds;
                }
            }

            return ends;
        }

        var exact = Ends(null);
        var marked = Ends(marks);

        Assert.Equal(exact.Keys.Order(), marked.Keys.Order());
        Assert.All(exact, e => Assert.Equal(e.Value, marked[e.Key], 12));
    }

    [Fact]
    public void A_job_that_stops_leaves_its_partner_alone_at_the_setting_it_keeps()
    {
        var gpu = new GpuTimeline(new SettingRates(new FixedRates(), GpuModel.V100));
        var a = Make("A", 4, ("a1", 1));
        var b = Make("B", 4, ("b1", 1));
        gpu.Start(a, SharingSetting.Partition(0.25));
        gpu.Start(b, SharingSetting.Partition(0.75));
        gpu.AdvanceTo(2);

        var stopped = gpu.Stop(b);
        var again = gpu.Stop(b);

        // 640 blocks fill all 80 SMs: a quarter of them runs a1 at 0.25, before and after B left.
        Assert.Equal((true, false), (stopped, again));
        Assert.Equal((SharingSetting.Partition(0.25), 0.25, (Job?)null), (gpu.SettingOf(a), gpu.RateOf(a), gpu.PartnerOf(a)));
        Assert.Equal(a, gpu.Running.Single().Job);
        Assert.Equal(2 + ((4 - 0.5) / 0.25), gpu.AdvanceTo(double.PositiveInfinity).Single().EndSeconds, 9);
    }

    [Fact]
    public void A_running_pair_tells_each_job_its_rate_partner_and_next_kernel_end()
    {
        var gpu = new GpuTimeline(Rates);
        var a = Make("A", 1, ("a1", 1));
        var b = Make("B", 1, ("b1", 2));
        gpu.Start(a, SharingSetting.Even);
        gpu.Start(b, SharingSetting.Even);

        Assert.Equal((0.5, b), (gpu.RateOf(a), gpu.PartnerOf(a)));
        Assert.Equal((0.25, a), (gpu.RateOf(b), gpu.PartnerOf(b)));

        // a1 needs 1 / 0.5 = 2 s, b1 2 / 0.25 = 8 s.
        Assert.Equal(2.0, gpu.NextKernelEnd);
    }

    public static TheoryData<string, SharingSetting, SharingSetting, Type> Refusals => new()
    {
        { "a block too big for an SM", SharingSetting.Even, SharingSetting.Even, typeof(ArgumentException) },
        { "a share that is not the running job's swapped", SharingSetting.Split(0.25), SharingSetting.Split(0.5), typeof(InvalidOperationException) },
        { "exclusive beside a running job", SharingSetting.Split(0.5), SharingSetting.Exclusive, typeof(InvalidOperationException) },
        { "a share beside an exclusive job", SharingSetting.Exclusive, SharingSetting.Split(0.5), typeof(InvalidOperationException) },
    };

    [Theory]
    [MemberData(nameof(Refusals))]
    public void A_job_that_cannot_join_is_refused_and_the_running_job_keeps_its_setting(string refusal, SharingSetting running, SharingSetting joining, Type error)
    {
        var gpu = new GpuTimeline(Rates);
        var a = Make("A", 1, ("a1", 1));
        gpu.Start(a, running);
        var kernel = refusal.StartsWith("a block", StringComparison.Ordinal)
            ? new KernelProfile("huge", new LaunchGeometry(80, 1024, 255, 0), 1, new Dictionary<string, double>())
            : Kernels.Make("b1", 1);

        Assert.Throws(error, () => gpu.Start(new Job("B", [kernel], 1, 0.5, 0), joining));
        Assert.Equal((a, running), (gpu.Running.Single().Job, gpu.SettingOf(a)));
    }

    [Theory]
    [InlineData(double.NaN)]
    [InlineData(0.0)]
    [InlineData(-1.0)]
    [InlineData(double.PositiveInfinity)]
    public void A_rate_that_is_not_positive_and_finite_stops_the_run_at_the_kernel_boundary_that_asked_for_it(double bad)
    {
        // a1 beside b1 is fine for 2 s; then a2 beside b1 gets the bad rate.
        var gpu = new GpuTimeline(new SettingRates(new FixedRates(("a1", "b1", 0.5, 0.5), ("a2", "b1", bad, 0.5)), GpuModel.V100));
        gpu.Start(Make("A", 1, ("a1", 1), ("a2", 1)), SharingSetting.Even);
        gpu.Start(Make("B", 1, ("b1", 4)), SharingSetting.Even);

        var error = Assert.Throws<InvalidOperationException>(() => gpu.AdvanceTo(double.PositiveInfinity));

        Assert.Contains("kernel 'a2'", error.Message, StringComparison.Ordinal);
        Assert.Equal(2.0, gpu.Now, 9);
        Assert.Equal(2, gpu.Running.Count);
    }

    private static Job Make(string id, int iterations, params (string Id, double Seconds)[] kernels) =>
        new(id, kernels.Select(k => Kernels.Make(k.Id, k.Seconds)).ToList(), iterations, 0.5, 0);
}
