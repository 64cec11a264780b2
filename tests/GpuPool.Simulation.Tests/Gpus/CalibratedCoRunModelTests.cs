using GpuPool.Core.Datasets;
using GpuPool.Core.Gpus;
using GpuPool.Core.Kernels;
using GpuPool.Simulation.Gpus;

namespace GpuPool.Simulation.Tests.Gpus;

public sealed class CalibratedCoRunModelTests
{
    private static readonly KernelProfile Memory = Kernels.Make("mem", counters: new Dictionary<string, double> { [CounterNames.DramBandwidth] = 0.7, [CounterNames.MemoryPerCycle] = 5, [CounterNames.MemoryLatency] = 500 });
    private static readonly KernelProfile Compute = Kernels.Make("cmp", counters: new Dictionary<string, double> { [CounterNames.Ipc] = 5000, [CounterNames.SpBusy] = 0.6 });
    private static readonly KernelProfile Memory2 = Kernels.Make("mem2", counters: Memory.Counters);

    [Theory]
    [InlineData("mem", "cmp", 4, 4, 0.61, 0.52)]
    [InlineData("cmp", "mem", 4, 4, 0.52, 0.61)]
    [InlineData("mem", "cmp", 2, 6, 0.41, 0.73)]
    public void Measured_co_runs_return_the_measurement_in_either_order(string a, string b, int qa, int qb, double npA, double npB)
    {
        var model = new CalibratedCoRunModel(GpuModel.V100, CoRunParameters.Default, [new("mem", "cmp", 4, 4, 0.61, 0.52), new("mem", "cmp", 2, 6, 0.41, 0.73)]);
        var byId = new Dictionary<string, KernelProfile> { ["mem"] = Memory, ["cmp"] = Compute };

        Assert.Equal((npA, npB), model.CoRunRates(byId[a], byId[b], qa, qb));
    }

    [Fact]
    public void Unmeasured_co_run_uses_the_contention_model_and_stays_in_range()
    {
        var model = new CalibratedCoRunModel(GpuModel.V100, CoRunParameters.Default, [new("mem", "cmp", 4, 4, 0.61, 0.52)]);

        var (rateA, rateB) = model.CoRunRates(Memory, Compute, 3, 5);

        Assert.Equal(model.Contention.CoRunRates(Memory, Compute, 3, 5), (rateA, rateB));
        Assert.InRange(rateA, ContentionModel.MinRate, ContentionModel.MaxRate);
        Assert.InRange(rateB, ContentionModel.MinRate, ContentionModel.MaxRate);
    }

    [Fact]
    public void Two_bandwidth_hungry_kernels_slow_each_other_more_than_a_memory_and_a_compute_kernel()
    {
        var model = new ContentionModel(GpuModel.V100, CoRunParameters.Default);

        var (memWithMem, _) = model.CoRunRates(Memory, Memory2, 4, 4);
        var (memWithCompute, _) = model.CoRunRates(Memory, Compute, 4, 4);

        Assert.True(memWithMem < memWithCompute, $"{memWithMem} vs {memWithCompute}");
    }

    [Fact]
    public void Shipped_parameters_are_the_fit_on_the_artifact()
    {
        var fitted = new CoRunCalibrator(Datasets.ArtifactDatasetReaderTests.LoadArtifact()).Fit().Parameters;

        Assert.Equal(CoRunParameters.Default.OccupancyExponent, fitted.OccupancyExponent, 3);
        Assert.All(fitted.Weights.Zip(CoRunParameters.Default.Weights), w => Assert.Equal(w.Second, w.First, 3));
        Assert.Equal(CoRunParameters.Default.Terms, fitted.Terms);
        Assert.Equal(CoRunParameters.Default.Correction, fitted.Correction);
    }

    [Fact]
    public void Calibration_is_deterministic()
    {
        var data = new ProfileDataset(GpuModel.V100, [Memory, Compute, Memory2], [new("mem", "cmp", 4, 4, 0.61, 0.52), new("mem", "mem2", 4, 4, 0.41, 0.43), new("cmp", "mem2", 2, 2, 0.3, 0.7)]);

        var (first, second) = (new CoRunCalibrator(data).Fit(), new CoRunCalibrator(data).Fit());

        Assert.Equal(first.Parameters.Weights, second.Parameters.Weights);
        Assert.Equal(first.Terms.Weights, second.Terms.Weights);
        Assert.Equal(
            new ContentionModel(GpuModel.V100, first.Parameters, first.Terms).CoRunRates(Memory, Compute, 3, 5),
            new ContentionModel(GpuModel.V100, second.Parameters, second.Terms).CoRunRates(Memory, Compute, 3, 5));
    }

    [Fact]
    public void A_data_set_without_co_runs_gets_the_shipped_counter_model_alone()
    {
        var data = new ProfileDataset(GpuModel.V100, [Memory, Compute], []);

        var model = CalibratedCoRunModel.For(data);

        Assert.Equal(0, model.Contention.Terms.Count);
        Assert.Equal(new ContentionModel(GpuModel.V100, CoRunParameters.Default).CoRunRates(Memory, Compute, 3, 5), model.CoRunRates(Memory, Compute, 3, 5));
    }

    [Fact]
    public void Unmeasured_quotas_of_a_measured_pair_use_the_per_kernel_terms_fitted_at_load()
    {
        var artifact = Datasets.ArtifactDatasetReaderTests.LoadArtifact();
        var (a, b) = (artifact.Profile("parb_lbm-0"), artifact.Profile("nvd_sobol-0"));

        var loaded = CalibratedCoRunModel.For(artifact);
        var countersOnly = new ContentionModel(artifact.Gpu, CoRunParameters.Default);

        Assert.True(loaded.Contention.Terms.Knows(a.Id) && loaded.Contention.Terms.Knows(b.Id));
        Assert.NotEqual(countersOnly.CoRunRates(a, b, 3, 7), loaded.CoRunRates(a, b, 3, 7));
    }

    [Fact]
    public void An_unmeasured_pair_of_measured_kernels_gets_the_correction_and_a_measured_pair_does_not()
    {
        var artifact = Datasets.ArtifactDatasetReaderTests.LoadArtifact();
        var measuredKeys = artifact.Pairs.Select(p => PairKeys.Of(p.KernelA, p.KernelB)).ToHashSet();
        var ids = artifact.Profiles.Select(p => p.Id).Order(StringComparer.Ordinal).ToList();
        var (a, b) = ids.SelectMany(x => ids.Where(y => string.CompareOrdinal(x, y) < 0).Select(y => (x, y))).First(p => !measuredKeys.Contains(PairKeys.Of(p.x, p.y)));
        var measured = artifact.Pairs[0];

        var loaded = CalibratedCoRunModel.For(artifact).Contention;
        var uncorrected = new ContentionModel(artifact.Gpu, CoRunParameters.Default, loaded.Terms.WithCorrection(ExponentCorrection.None));

        Assert.False(loaded.Terms.Correction.IsNone);
        Assert.NotEqual(uncorrected.CoRunRates(artifact.Profile(a), artifact.Profile(b), 4, 4), loaded.CoRunRates(artifact.Profile(a), artifact.Profile(b), 4, 4));
        var (ma, mb) = (artifact.Profile(measured.KernelA), artifact.Profile(measured.KernelB));
        Assert.Equal(uncorrected.CoRunRates(ma, mb, 3, 5), loaded.CoRunRates(ma, mb, 3, 5));
    }
}
