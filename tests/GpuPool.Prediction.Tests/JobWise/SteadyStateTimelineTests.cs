using GpuPool.Core.Gpus;
using GpuPool.Core.Jobs;
using GpuPool.Core.Sharing;
using GpuPool.Prediction.JobWise;
using GpuPool.Simulation.Timeline;

namespace GpuPool.Prediction.Tests.JobWise;

public class SteadyStateTimelineTests
{
    /// <summary>Mean relative NP error of the shortcut against the full timeline, as reported in docs/prediction.md.</summary>
    private const double ReportedMeanError = 0.005;

    public static TheoryData<double[], int, double[], int, double[], double[], double, double> ShortRuns => new()
    {
        // Equal jobs at half speed: both take twice as long.
        { [1.0], 2, [1.0], 2, [0.5], [0.5], 0.5, 0.5 },
        // A ends at t=2 with B one unit done; B's last two units run alone: ends at 4.
        { [1.0], 1, [1.0], 3, [0.5], [0.5], 0.5, 0.75 },
        // A's second kernel runs at full speed while B crawls at 0.25: A ends at 3, B alone until 3.75.
        { [1.0, 1.0], 1, [2.0], 1, [0.5, 1.0], [0.5, 0.25], 2 / 3.0, 2 / 3.75 },
    };

    [Theory]
    [MemberData(nameof(ShortRuns))]
    public void Runs_too_short_to_settle_are_stepped_to_the_end_with_the_survivor_alone(double[] a, int itersA, double[] b, int itersB, double[] rateA, double[] rateB, double npA, double npB)
    {
        var matrix = new InterferenceMatrix(a.Length, b.Length, rateA, rateB);

        var result = SteadyStateTimeline.Run(new KernelSequence(a, itersA), new KernelSequence(b, itersB), matrix, new SteadyStateOptions(), AloneSlowness.WholeGpu);

        Assert.Equal(npA, result.NpA, precision: 9);
        Assert.Equal(npB, result.NpB, precision: 9);
        Assert.False(result.Extrapolated);
    }

    public static TheoryData<int, double, double, double> KeptShares => new()
    {
        // B (3 units) runs beside A (1 unit) at 0.5 until t=2, one unit done; its last two units run alone.
        // iterations of A, B's alone slowness, NP of A, NP of B
        { 1, 1.0, 0.5, 3 / 4.0 },  // the whole GPU back: ends at 4
        { 1, 2.0, 0.5, 3 / 6.0 },  // keeps a share at half speed: ends at 2 + 2 x 2
        { 3, 2.0, 0.5, 0.5 },      // equal jobs end together: nobody runs alone
    };

    [Theory]
    [MemberData(nameof(KeptShares))]
    public void A_survivor_that_keeps_its_share_finishes_at_its_alone_slowness(int itersA, double slownessB, double npA, double npB)
    {
        var matrix = InterferenceMatrix.Uniform(1, 1, 0.5, 0.5);

        var result = SteadyStateTimeline.Run(new KernelSequence([1.0], itersA), new KernelSequence([1.0], 3), matrix, new SteadyStateOptions(), new AloneSlowness(1.0, slownessB));

        Assert.Equal((npA, npB), (Math.Round(result.NpA, 9), Math.Round(result.NpB, 9)));
    }

    [Theory]
    [InlineData(0.5)]
    [InlineData(double.NaN)]
    public void An_alone_slowness_below_one_or_not_finite_is_refused(double slowness)
    {
        var matrix = InterferenceMatrix.Uniform(1, 1, 0.5, 0.5);

        Assert.Throws<ArgumentOutOfRangeException>(() => SteadyStateTimeline.Run(new KernelSequence([1.0], 1), new KernelSequence([1.0], 3), matrix, new SteadyStateOptions(), new AloneSlowness(1.0, slowness)));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void Stays_within_the_reported_error_of_the_simulated_full_timeline_on_generated_job_pairs(int seed)
    {
        var random = new Random(seed);
        var kernels = Enumerable.Range(0, 19).Select(i => Profiles.Kernel($"k{i:00}", seconds: 1e-5 + (2e-3 * random.NextDouble()))).ToList();
        var table = new TableCoRunModel(kernels, random);
        var full = new PairTimeline(new SettingRates(table, GpuModel.V100));
        var errors = new List<double>();
        var shortcuts = 0;
        for (var pair = 0; pair < 40; pair++)
        {
            var (a, b) = (RandomJob(kernels, random, $"a{pair}"), RandomJob(kernels, random, $"b{pair}"));

            var exact = full.Run(a, b, SharingSetting.Even);
            var steady = SteadyStateTimeline.Run(KernelSequence.Of(a), KernelSequence.Of(b), Matrix(table, a, b), new SteadyStateOptions(), new AloneSlowness(table.AloneSlowness(a), table.AloneSlowness(b)));

            errors.Add(Math.Abs(steady.NpA - exact.NpA) / exact.NpA);
            errors.Add(Math.Abs(steady.NpB - exact.NpB) / exact.NpB);
            shortcuts += steady.Extrapolated ? 1 : 0;
        }

        Assert.True(errors.Average() <= ReportedMeanError, $"mean relative error {errors.Average():P3}");
        Assert.True(shortcuts >= 30, $"only {shortcuts} of 40 pairs took the steady-state shortcut");
    }

    [Fact]
    public void A_matrix_that_does_not_fit_the_jobs_is_refused()
    {
        var matrix = InterferenceMatrix.Uniform(2, 2, 0.5, 0.5);

        var error = Assert.Throws<ArgumentException>(() => SteadyStateTimeline.Run(new KernelSequence([1.0], 1), new KernelSequence([1.0, 1.0], 1), matrix, new SteadyStateOptions(), AloneSlowness.WholeGpu));

        Assert.Contains("2 x 2", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_zero_rate_is_refused_naming_its_cell()
    {
        var error = Assert.Throws<ArgumentException>(() => new InterferenceMatrix(1, 2, [0.5, 0.0], [0.5, 0.5]));

        Assert.Contains("(0, 1)", error.Message, StringComparison.Ordinal);
    }

    private static Job RandomJob(IReadOnlyList<Core.Kernels.KernelProfile> kernels, Random random, string id) =>
        new(id, [.. kernels.OrderBy(_ => random.Next()).Take(4 * random.Next(1, 5))], 400 * random.Next(1, 8), 0.5, 0);

    private static InterferenceMatrix Matrix(TableCoRunModel table, Job a, Job b)
    {
        var cells = a.Kernels.SelectMany(x => b.Kernels.Select(y => table.CoRunRates(x, y, 1, 1))).ToList();
        return new InterferenceMatrix(a.Kernels.Count, b.Kernels.Count, [.. cells.Select(c => c.RateA)], [.. cells.Select(c => c.RateB)]);
    }
}
