using System.Text.Json;
using GpuPool.Cli.Tests.Support;
using GpuPool.Core.Kernels;
using GpuPool.Prediction.Tests.Support;

namespace GpuPool.Cli.Tests.Commands;

/// <summary>`gpupool evaluate` on job-level data sets: the comparison, learners that cannot learn, the fit limit.</summary>
public sealed class EvaluateJobLevelCommandTests : IDisposable
{
    private readonly JobLevelFiles _throughput = new(JobLevelData.Throughput(jobs: 7, seed: 4));

    private readonly JobLevelFiles _alike;

    public EvaluateJobLevelCommandTests()
    {
        // Every job with the same profile: no feature varies.
        var data = JobLevelData.Throughput(jobs: 6, seed: 5);
        _alike = new JobLevelFiles(data with { Profiles = [.. data.Profiles.Select(p => new KernelProfile(p.Id, p.Geometry, 1.0, new Dictionary<string, double> { ["throughput"] = 1 }))] });
    }

    [Fact]
    public void Compare_reports_every_model_on_every_split_as_finite_json()
    {
        var (code, output, error) = CliRun.Invoke("evaluate", "--dataset", _throughput.Directory, "--compare", "--format", "json");

        Assert.True(code == 0, error);
        using var json = JsonDocument.Parse(output);
        var rows = json.RootElement.GetProperty("rows").EnumerateArray().ToList();
        string[] models = ["FastTree (default)", "FastTree (tuned)", "LightGbm", "plain GBT", "training mean"];
        Assert.Equal(["kfold", "pair-grouped", "leave-one-kernel-out"], rows.Select(r => r.GetProperty("split").GetString()).Distinct());
        Assert.All(rows.GroupBy(r => r.GetProperty("split").GetString()), split => Assert.Equal(models, split.Select(r => r.GetProperty("model").GetString())));
        Assert.All(rows, r => Assert.True(double.IsFinite(r.GetProperty("mae").GetDouble())));
        Assert.StartsWith("chosen per fold: ", rows[1].GetProperty("note").GetString(), StringComparison.Ordinal);
        Assert.Contains(json.RootElement.GetProperty("warnings").EnumerateArray(), w => w.GetString()!.StartsWith("pair-grouped: every kernel pair has one co-run", StringComparison.Ordinal));
    }

    [Fact]
    public void With_constant_features_every_learner_stands_in_the_training_mean_and_the_json_stays_valid()
    {
        var (code, output, error) = CliRun.Invoke("evaluate", "--dataset", _alike.Directory, "--format", "json");

        Assert.True(code == 0, error);
        using var json = JsonDocument.Parse(output);
        var learners = json.RootElement.GetProperty("learners").EnumerateArray().ToList();
        Assert.Equal(4, learners.Count);
        Assert.All(learners, l => Assert.Equal(5, l.GetProperty("fallbackFolds").GetInt32()));
        Assert.All(learners, l => Assert.Contains("every feature is constant", l.GetProperty("fallback").GetString(), StringComparison.Ordinal));
        Assert.Contains("warning: every one of the", error, StringComparison.Ordinal);
    }

    [Fact]
    public void An_evaluation_over_the_fit_limit_exits_2_naming_the_data_set_and_the_limit()
    {
        var (code, _, error) = CliRun.Invoke("evaluate", "--dataset", _throughput.Directory, "--compare", "--max-fits", "10");

        Assert.Equal(2, code);
        Assert.Contains($"error: {_throughput.Directory}: the evaluation would fit", error, StringComparison.Ordinal);
        Assert.Contains("more than the limit of 10 (--max-fits)", error, StringComparison.Ordinal);
    }

    public void Dispose()
    {
        _throughput.Dispose();
        _alike.Dispose();
    }
}
