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
}
