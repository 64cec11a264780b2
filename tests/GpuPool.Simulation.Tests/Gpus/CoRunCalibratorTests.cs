using GpuPool.Core.Datasets;
using GpuPool.Simulation.Gpus;

namespace GpuPool.Simulation.Tests.Gpus;

public sealed class CoRunCalibratorTests
{
    [Theory]
    [InlineData("rod_hotspot-0")]
    [InlineData("nvd_sobol-0")]
    public void A_held_out_kernel_is_unknown_to_the_fit_and_its_co_runs_do_not_move_it(string heldOut)
    {
        var artifact = Datasets.ArtifactDatasetReaderTests.LoadArtifact();
        bool Involves(KernelPairMeasurement p) => p.KernelA == heldOut || p.KernelB == heldOut;

        // Same training co-runs; the held-out kernel's co-runs changed beyond recognition.
        var altered = artifact with { Pairs = [.. artifact.Pairs.Select(p => Involves(p) ? p with { NpA = p.NpA / 3, NpB = 1.1 } : p)] };
        var fit = new CoRunCalibrator(artifact).Fit([.. artifact.Pairs.Where(p => !Involves(p))]);
        var fitAltered = new CoRunCalibrator(altered).Fit([.. altered.Pairs.Where(p => !Involves(p))]);

        Assert.False(fit.Terms.Knows(heldOut));
        Assert.Equal(fit.Parameters.Weights, fitAltered.Parameters.Weights);
        Assert.Equal(fit.Parameters.Terms, fitAltered.Parameters.Terms);
        Assert.Equal(fit.Terms.Weights, fitAltered.Terms.Weights);
        var probe = artifact.Pairs.First(Involves);
        var (a, b) = (artifact.Profile(probe.KernelA), artifact.Profile(probe.KernelB));
        Assert.Equal(
            new ContentionModel(artifact.Gpu, fit.Parameters, fit.Terms).CoRunRates(a, b, probe.QuotaA, probe.QuotaB),
            new ContentionModel(artifact.Gpu, fitAltered.Parameters, fitAltered.Terms).CoRunRates(a, b, probe.QuotaA, probe.QuotaB));
    }

    [Theory]
    [InlineData("nvd_binomial-0", "parb_lbm-0")]
    [InlineData("nvd_sobol-0", "rod_hotspot-0")]
    [InlineData("parb_spmv-0", "rod_streamcluster-0")]
    public void A_held_out_pair_gets_a_correction_learned_without_its_co_runs(string kernelA, string kernelB)
    {
        var artifact = Datasets.ArtifactDatasetReaderTests.LoadArtifact();
        bool IsHeldOut(KernelPairMeasurement p) => PairKeys.Of(p.KernelA, p.KernelB) == PairKeys.Of(kernelA, kernelB);

        // Same training co-runs; the held-out pair's co-runs changed beyond recognition.
        var altered = artifact with { Pairs = [.. artifact.Pairs.Select(p => IsHeldOut(p) ? p with { NpA = 1.1, NpB = p.NpB / 3 } : p)] };
        var fit = new CoRunCalibrator(artifact).Fit([.. artifact.Pairs.Where(p => !IsHeldOut(p))]);
        var fitAltered = new CoRunCalibrator(altered).Fit([.. altered.Pairs.Where(p => !IsHeldOut(p))]);

        var model = new ContentionModel(artifact.Gpu, fit.Parameters, fit.Terms);
        var uncorrected = new ContentionModel(artifact.Gpu, fit.Parameters, fit.Terms.WithCorrection(ExponentCorrection.None));
        (double, double) Rates(ContentionModel m, KernelPairMeasurement p) => m.CoRunRates(artifact.Profile(p.KernelA), artifact.Profile(p.KernelB), p.QuotaA, p.QuotaB);
        var heldOut = artifact.Pairs.Where(IsHeldOut).ToList();
        var trained = artifact.Pairs.First(p => !IsHeldOut(p));

        Assert.NotNull(fit.Parameters.Correction);
        Assert.Equal(fit.Parameters.Correction, fitAltered.Parameters.Correction);
        Assert.All(heldOut, p => Assert.Equal(Rates(model, p), Rates(new ContentionModel(artifact.Gpu, fitAltered.Parameters, fitAltered.Terms), p)));
        Assert.All(heldOut, p => Assert.NotEqual(Rates(uncorrected, p), Rates(model, p)));

        // A pair the model was fitted on keeps the model's own answer.
        Assert.Equal(Rates(uncorrected, trained), Rates(model, trained));
    }
}
