using GpuPool.Prediction.Features;
using GpuPool.Simulation.Workloads;
using Shipped = GpuPool.Prediction.DefaultModel.DefaultModel;

namespace GpuPool.Prediction.Tests.DefaultModel;

public class DefaultModelTests
{
    [Fact]
    public void The_embedded_model_loads_with_this_builds_schema_and_was_trained_only_on_simulated_co_runs()
    {
        Assert.True(Shipped.IsEmbedded, "no default model embedded: run `make model`");

        using var model = Shipped.Load();

        Assert.Null(FeatureCatalog.Full.Schema.Mismatch(model.Metadata.Schema));
        Assert.Equal("embedded synthetic kernels (simulated co-runs)", model.Metadata.DataSet);
    }

    [Fact]
    public void The_embedded_model_predicts_a_plausible_np_for_the_embedded_synthetic_kernels()
    {
        using var model = Shipped.Load();
        var kernels = EmbeddedWorkload.Dataset();
        var (x, y) = (kernels.Profiles[0], kernels.Profiles[^1]);

        var np = model.Predict(new KernelAtQuota(x, 1, kernels.Gpu), new KernelAtQuota(y, 1, kernels.Gpu));

        Assert.InRange(np, 0.0, 1.3);
    }
}
