using GpuPool.Operator.Hosting;
using GpuPool.Operator.Telemetry;
using GpuPool.Operator.Tests.Fakes;
using GpuPool.Prediction.DefaultModel;
using GpuPool.Prediction.Models;
using Microsoft.Extensions.Logging;
using Prometheus;

namespace GpuPool.Operator.Tests.Hosting;

public sealed class ModelLoadingTests : IDisposable
{
    private readonly string _supplied = Path.Combine(Path.GetTempPath(), $"gpupool-model-{Guid.NewGuid():N}.zip");

    [Fact]
    public void Starting_on_the_embedded_default_model_warns_and_sets_the_gauge()
    {
        var (metrics, logger) = (new OperatorMetrics(Metrics.NewCustomRegistry()), new ListLogger());

        using var model = ModelLoading.Load(string.Empty, metrics, logger);

        Assert.Equal(1, metrics.DefaultModel.Value);
        var (level, message) = Assert.Single(logger.Entries);
        Assert.Equal(LogLevel.Warning, level);
        Assert.Contains("embedded default model", message, StringComparison.Ordinal);
        Assert.Contains("worse than a constant", message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_supplied_model_is_named_at_information_level_and_clears_the_gauge()
    {
        using (var trained = DefaultModel.Load())
        {
            ModelFile.Save(trained, _supplied);
        }

        var (metrics, logger) = (new OperatorMetrics(Metrics.NewCustomRegistry()), new ListLogger());

        using var model = ModelLoading.Load(_supplied, metrics, logger);

        Assert.Equal(0, metrics.DefaultModel.Value);
        var (level, message) = Assert.Single(logger.Entries);
        Assert.Equal(LogLevel.Information, level);
        Assert.Contains(_supplied, message, StringComparison.Ordinal);
    }

    public void Dispose() => File.Delete(_supplied);
}
