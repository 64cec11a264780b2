using GpuPool.Prediction.JobWise;

namespace GpuPool.Prediction.Tests.JobWise;

public class PairTimelineTests
{
    /// <summary>Mean relative NP error of the steady-state shortcut reported in docs/prediction.md (bench timeline).</summary>
    private const double ReportedMeanError = 0.005;

    public static TheoryData<double[], int, double[], int, double[], double[], double, double> ExactCases => new()
    {
        // Equal jobs at half speed: both take twice as long.
        { [1.0], 2, [1.0], 2, [0.5], [0.5], 0.5, 0.5 },
        // A ends at t=2 with B one unit done; B's last two units run alone: ends at 4.
        { [1.0], 1, [1.0], 3, [0.5], [0.5], 0.5, 0.75 },
        // A's second kernel runs at full speed while B crawls at 0.25: A ends at 3, B alone until 3.75.
        { [1.0, 1.0], 1, [2.0], 1, [0.5, 1.0], [0.5, 0.25], 2 / 3.0, 2 / 3.75 },
    };

    [Theory]
    [MemberData(nameof(ExactCases))]
    public void Full_timeline_steps_every_kernel_and_runs_the_survivor_alone(double[] a, int itersA, double[] b, int itersB, double[] rateA, double[] rateB, double npA, double npB)
    {
        var matrix = new InterferenceMatrix(a.Length, b.Length, rateA, rateB);

        var result = PairTimeline.RunExact(new KernelSequence(a, itersA), new KernelSequence(b, itersB), matrix);

        Assert.Equal(npA, result.NpA, precision: 9);
        Assert.Equal(npB, result.NpB, precision: 9);
        Assert.False(result.Extrapolated);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void Steady_state_stays_within_the_reported_error_of_the_full_timeline_on_generated_job_pairs(int seed)
    {
        var random = new Random(seed);
        var errors = new List<double>();
        var shortcuts = 0;
        for (var pair = 0; pair < 40; pair++)
        {
            var (a, b) = (Sequence(random), Sequence(random));
            var matrix = Matrix(random, a.Durations.Length, b.Durations.Length);

            var exact = PairTimeline.RunExact(a, b, matrix);
            var steady = PairTimeline.RunSteadyState(a, b, matrix, new SteadyStateOptions());

            errors.Add(Math.Abs(steady.NpA - exact.NpA) / exact.NpA);
            errors.Add(Math.Abs(steady.NpB - exact.NpB) / exact.NpB);
            shortcuts += steady.Extrapolated && steady.Events < exact.Events / 10 ? 1 : 0;
        }

        Assert.True(errors.Average() <= ReportedMeanError, $"mean relative error {errors.Average():P3}");
        Assert.True(shortcuts >= 30, $"only {shortcuts} of 40 pairs took the steady-state shortcut");
    }

    [Fact]
    public void A_matrix_that_does_not_fit_the_jobs_is_refused()
    {
        var matrix = InterferenceMatrix.Uniform(2, 2, 0.5, 0.5);

        var error = Assert.Throws<ArgumentException>(() => PairTimeline.RunExact(new KernelSequence([1.0], 1), new KernelSequence([1.0, 1.0], 1), matrix));

        Assert.Contains("2 x 2", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_zero_rate_is_refused_naming_its_cell()
    {
        var error = Assert.Throws<ArgumentException>(() => new InterferenceMatrix(1, 2, [0.5, 0.0], [0.5, 0.5]));

        Assert.Contains("(0, 1)", error.Message, StringComparison.Ordinal);
    }

    private static KernelSequence Sequence(Random random)
    {
        var kernels = 4 * random.Next(1, 5);
        return new KernelSequence([.. Enumerable.Range(0, kernels).Select(_ => 1e-5 + (2e-3 * random.NextDouble()))], 400 * random.Next(1, 8));
    }

    private static InterferenceMatrix Matrix(Random random, int rows, int columns) =>
        new(rows, columns, [.. Enumerable.Range(0, rows * columns).Select(_ => 0.3 + (0.7 * random.NextDouble()))], [.. Enumerable.Range(0, rows * columns).Select(_ => 0.3 + (0.7 * random.NextDouble()))]);
}
