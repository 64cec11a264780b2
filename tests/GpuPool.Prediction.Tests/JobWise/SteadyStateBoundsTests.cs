using GpuPool.Prediction.JobWise;

namespace GpuPool.Prediction.Tests.JobWise;

public class SteadyStateBoundsTests
{
    public static TheoryData<int, double> RandomCases() => new()
    {
        // Seed, fastest rate drawn: rates up to 1 (the usual case) and up to 1.2 (the model's clamp).
        { 1, 1.0 },
        { 2, 1.0 },
        { 3, 1.2 },
        { 4, 1.2 },
    };

    [Theory]
    [MemberData(nameof(RandomCases))]
    public void No_timeline_result_exceeds_its_ceiling(int seed, double fastestRate)
    {
        var random = new Random(seed);
        for (var trial = 0; trial < 1500; trial++)
        {
            // Short and long jobs, so runs end both stepped and extrapolated, with either job first.
            var a = RandomSequence(random);
            var b = RandomSequence(random);
            var cells = a.Durations.Length * b.Durations.Length;
            var matrix = new InterferenceMatrix(
                a.Durations.Length, b.Durations.Length, Rates(random, cells, fastestRate), Rates(random, cells, fastestRate));
            var options = new SteadyStateOptions { StepIterations = random.Next(1, 6), Epsilon = random.NextDouble() < 0.5 ? 0.001 : 0.01 };

            // Survivors that keep a share run alone slower than with the whole GPU the ceilings assume.
            var alone = new AloneSlowness(random.NextDouble() < 0.5 ? 1.0 : 1 + (3 * random.NextDouble()), random.NextDouble() < 0.5 ? 1.0 : 1 + (3 * random.NextDouble()));
            var result = SteadyStateTimeline.Run(a, b, matrix, options, alone);
            var (ceilingA, ceilingB) = SteadyStateBounds.Run(a, b, matrix, options);

            Assert.True(result.NpA <= ceilingA, $"trial {trial}: NpA {result.NpA} above its ceiling {ceilingA}");
            Assert.True(result.NpB <= ceilingB, $"trial {trial}: NpB {result.NpB} above its ceiling {ceilingB}");
        }
    }

    public static TheoryData<double[], int, double[], int, double, double> TightCases() => new()
    {
        // One rate everywhere and equal lengths: nothing is unknown, so the ceiling is the NP itself.
        { [1.0, 2.0], 50, [3.0], 50, 0.6, 0.6 },

        // A much longer job keeps most of its speed once its partner is gone: NP close to 1.
        { [1.0], 1000, [1.0], 10, 0.5, 1000.0 / 1010.0 },
    };

    [Theory]
    [MemberData(nameof(TightCases))]
    public void With_one_rate_everywhere_the_ceiling_is_the_np(double[] a, int itersA, double[] b, int itersB, double rate, double npA)
    {
        var (sa, sb) = (new KernelSequence(a, itersA), new KernelSequence(b, itersB));
        var matrix = InterferenceMatrix.Uniform(a.Length, b.Length, rate, rate);

        var result = SteadyStateTimeline.Run(sa, sb, matrix, new SteadyStateOptions(), AloneSlowness.WholeGpu);
        var (ceilingA, _) = SteadyStateBounds.Run(sa, sb, matrix, new SteadyStateOptions());

        Assert.Equal(npA, result.NpA, precision: 6);
        Assert.Equal(npA, ceilingA, precision: 6);
    }

    [Fact]
    public void A_matrix_that_does_not_fit_the_jobs_is_refused()
    {
        var error = Assert.Throws<ArgumentException>(() => SteadyStateBounds.Run(
            new KernelSequence([1.0], 1), new KernelSequence([1.0, 1.0], 1), InterferenceMatrix.Uniform(2, 2, 0.5, 0.5), new SteadyStateOptions()));

        Assert.Contains("2 x 2", error.Message, StringComparison.Ordinal);
    }

    private static KernelSequence RandomSequence(Random random)
    {
        var durations = Enumerable.Range(0, random.Next(1, 7)).Select(_ => Math.Exp(random.NextDouble() * 5) * 1e-5).ToArray();
        var iterations = random.NextDouble() < 0.3 ? random.Next(1, 12) : random.Next(12, 400);
        return new KernelSequence(durations, iterations);
    }

    private static double[] Rates(Random random, int cells, double fastest) =>
        [.. Enumerable.Range(0, cells).Select(_ => 0.05 + ((fastest - 0.05) * random.NextDouble()))];
}
