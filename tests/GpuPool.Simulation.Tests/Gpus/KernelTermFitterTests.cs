using GpuPool.Simulation.Gpus;

namespace GpuPool.Simulation.Tests.Gpus;

public sealed class KernelTermFitterTests
{
    private static readonly GeneratedCoRuns Data = new(kernels: 8, seed: 3);

    public static TheoryData<string, string> HeldOutPairs => new() { { "k0", "k1" }, { "k2", "k5" }, { "k3", "k7" } };

    [Fact]
    public void Fits_generated_co_runs_in_sample()
    {
        var fitted = KernelTermFitter.Fit(Data.Samples, new KernelTermOptions(1e-4, 1, passes: 200));

        var errors = Data.Samples.Select(s => Math.Abs(fitted.Exponent(s.Kernel, s.Partner, s.Features, s.Basis) - s.Target)).ToList();
        Assert.True(errors.Average() < 0.005, $"mean exponent error {errors.Average()}");
        Assert.True(errors.Max() < 0.03, $"max exponent error {errors.Max()}");
    }

    [Theory]
    [MemberData(nameof(HeldOutPairs))]
    public void Predicts_a_held_out_pair_from_the_latent_terms_of_its_kernels(string a, string b)
    {
        var training = Data.Samples.Where(s => s.PairKey != PairKeys.Of(a, b)).ToList();
        var heldOut = Data.Samples.Where(s => s.PairKey == PairKeys.Of(a, b)).ToList();

        var withProducts = KernelTermFitter.Fit(training, new KernelTermOptions(1e-3, 1, passes: 200));
        var withoutProducts = KernelTermFitter.Fit(training, new KernelTermOptions(1e-3, 0));

        // The pair-specific part only comes from sensitivity x pressure learned on other pairs.
        double Error(KernelTerms terms) => heldOut.Average(s => Math.Abs(terms.Exponent(s.Kernel, s.Partner, s.Features, s.Basis) - s.Target));
        Assert.True(Error(withProducts) < 0.02, $"held-out exponent error {Error(withProducts)}");
        Assert.True(Error(withProducts) < Error(withoutProducts) / 3, $"{Error(withProducts)} vs {Error(withoutProducts)} without products");
    }

    [Fact]
    public void A_kernel_missing_from_training_gets_no_terms()
    {
        var training = Data.Samples.Where(s => s.Kernel != "k4" && s.Partner != "k4").ToList();

        var fitted = KernelTermFitter.Fit(training, new KernelTermOptions(0.3, 1));

        Assert.False(fitted.Knows("k4"));
        Assert.True(fitted.Knows("k3"));
        double[] features = [1.0, 0.4, 0.6];
        double[] basis = [1.0, 0.8, 0.5];
        Assert.Equal(fitted.Weights.Zip(features, (w, f) => w * f).Sum(), fitted.Exponent("k4", "unknown", features, basis), 12);
    }

    [Fact]
    public void Fitting_is_deterministic()
    {
        var options = new KernelTermOptions(0.3, 2);
        var (first, second) = (KernelTermFitter.Fit(Data.Samples, options), KernelTermFitter.Fit(Data.Samples, options));

        Assert.Equal(first.Weights, second.Weights);
        Assert.All(Data.Samples, s => Assert.Equal(first.Exponent(s.Kernel, s.Partner, s.Features, s.Basis), second.Exponent(s.Kernel, s.Partner, s.Features, s.Basis)));
    }

    [Theory]
    [InlineData(0.0, 1)]
    [InlineData(-1.0, 1)]
    [InlineData(0.3, -1)]
    public void Options_are_validated(double penalty, int rank) =>
        Assert.ThrowsAny<ArgumentOutOfRangeException>(() => new KernelTermOptions(penalty, rank));
}
