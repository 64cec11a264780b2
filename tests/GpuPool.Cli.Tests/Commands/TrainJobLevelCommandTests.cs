using GpuPool.Cli.Tests.Support;
using GpuPool.Prediction.Models;
using GpuPool.Prediction.Tests.Support;

namespace GpuPool.Cli.Tests.Commands;

/// <summary>`gpupool train` on a job-level data set reads its own counters, as `evaluate` does.</summary>
public sealed class TrainJobLevelCommandTests : IDisposable
{
    private readonly JobLevelFiles _throughput = new(JobLevelData.Throughput(jobs: 7, seed: 4));

    private readonly TempFiles _out = new();

    [Fact]
    public void A_job_level_data_set_trains_a_model_that_reads_its_own_counter()
    {
        var path = _out.Path("model.zip");

        var (code, _, error) = CliRun.Invoke("train", "--dataset", _throughput.Directory, "--out", path);

        Assert.True(code == 0, error);
        Assert.Contains("own counters read as features: ", error, StringComparison.Ordinal);
        Assert.Contains("throughput", error, StringComparison.Ordinal);
        using var model = ModelFile.Load(path);
        Assert.Contains(model.Features.Definitions, d => d.Name.Contains("throughput", StringComparison.Ordinal));
    }

    public void Dispose()
    {
        _throughput.Dispose();
        _out.Dispose();
    }
}
