using System.Text.Json;
using GpuPool.Cli.Tests.Support;

namespace GpuPool.Cli.Tests.Commands;

public sealed class TrainEvaluateCommandTests : IDisposable
{
    private static readonly string[] ReportKeys = ["samples", "mae", "rmse", "meanRelErr", "r2", "edgePrecision", "edgeRecall", "learners", "edgesByQos", "warnings"];

    private readonly SyntheticDataset _data = new();
    private readonly TempFiles _files = new();

    /// <summary>Split, and how many times each row's two samples are tested under it.</summary>
    public static TheoryData<string, int> Splits => new()
    {
        { "kfold", 1 },
        { "pair-grouped", 1 },
        // A row is tested in the fold of each of its two kernels.
        { "leave-one-kernel-out", 2 },
    };

    public static TheoryData<string> Commands => new() { "train", "evaluate" };

    [Fact]
    public void A_trained_model_is_saved_and_scored_as_the_documented_json()
    {
        var model = _files.Path("model.zip");

        var train = CliRun.Invoke("train", "--dataset", _data.Directory, "--out", model);
        var (code, output, error) = CliRun.Invoke("evaluate", "--dataset", _data.Directory, "--model", model, "--format", "json");

        Assert.True(train.Code == 0, train.Err);
        Assert.Contains($"trained FastTree on {2 * _data.Rows} samples", train.Out, StringComparison.Ordinal);
        Assert.True(code == 0, error);
        var report = Report(output);
        Assert.Equal(2 * _data.Rows, report.GetProperty("samples").GetInt32());
        // Scored on the rows it was trained on: close, but not exact.
        var mae = report.GetProperty("mae").GetDouble();
        Assert.InRange(mae, 1e-6, 0.03);
        Assert.InRange(report.GetProperty("r2").GetDouble(), 0.8, 1.0);
        var learner = Assert.Single(report.GetProperty("learners").EnumerateArray());
        Assert.Equal("FastTree", learner.GetProperty("name").GetString());
        Assert.Equal(mae, learner.GetProperty("mae").GetDouble());
    }

    [Theory]
    [MemberData(nameof(Splits))]
    public void Cross_validation_reports_every_learner_and_beats_predicting_the_mean(string split, int timesTested)
    {
        var (code, output, error) = CliRun.Invoke("evaluate", "--dataset", _data.Directory, "--split", split, "--learners", "fasttree,sdca", "--format", "json");

        Assert.True(code == 0, error);
        var report = Report(output);
        Assert.Equal(2 * _data.Rows * timesTested, report.GetProperty("samples").GetInt32());
        var learners = report.GetProperty("learners").EnumerateArray().ToList();
        Assert.Equal(["FastTree", "Sdca"], learners.Select(l => l.GetProperty("name").GetString()));
        Assert.Equal(report.GetProperty("mae").GetDouble(), learners[0].GetProperty("mae").GetDouble());
        var labels = _data.Labels();
        var meanDeviation = labels.Average(l => Math.Abs(l - labels.Average()));
        Assert.All(learners, l => Assert.InRange(l.GetProperty("mae").GetDouble(), 1e-6, meanDeviation));
        Assert.InRange(report.GetProperty("rmse").GetDouble(), report.GetProperty("mae").GetDouble(), 1.0);
        Assert.InRange(report.GetProperty("edgePrecision").GetDouble(), 0.0, 1.0);
        Assert.InRange(report.GetProperty("edgeRecall").GetDouble(), 0.0, 1.0);
        Assert.Contains("folds (first learner's MAE):", error, StringComparison.Ordinal);
        // Only a leave-one-kernel-out fold has a held-out kernel to split into own and partner errors.
        Assert.Equal(timesTested == 2, error.Contains("held-out kernels", StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(Commands))]
    public void A_missing_dataset_directory_exits_with_2_naming_it(string command)
    {
        var missing = _files.Path("no-such-dataset");

        var (code, _, error) = CliRun.Invoke(Arguments(command, missing));

        Assert.Equal(2, code);
        Assert.Contains($"{missing}: data set directory not found", error, StringComparison.Ordinal);
        Assert.False(File.Exists(_files.Path("m.zip")));
    }

    [Theory]
    [MemberData(nameof(Commands))]
    public void A_malformed_pairs_file_exits_with_2_naming_file_line_column_and_field(string command)
    {
        var rows = File.ReadAllLines(_data.PathOf("pairs.csv"));
        rows[2] = "k0,k1,4,4,fast,0.5";
        File.WriteAllLines(_data.PathOf("pairs.csv"), rows);

        var (code, _, error) = CliRun.Invoke(Arguments(command, _data.Directory));

        Assert.Equal(2, code);
        Assert.Contains("pairs.csv:3:5: field 'np_a'", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(new[] { "train", "--out", "m.zip" }, "--dataset")]
    [InlineData(new[] { "train", "--learner", "boosted", "--out", "m.zip", "--simulated" }, "--learner")]
    [InlineData(new[] { "evaluate", "--split", "random" }, "--split")]
    [InlineData(new[] { "evaluate", "--learners", "fasttree,magic" }, "--learners")]
    [InlineData(new[] { "evaluate", "--format", "xml" }, "--format")]
    [InlineData(new[] { "evaluate", "--model", "no-such-model.zip" }, "no-such-model.zip")]
    [InlineData(new[] { "evaluate", "--compare", "--model", "m.zip" }, "--compare")]
    [InlineData(new[] { "evaluate", "--dataset-counters", "some" }, "--dataset-counters")]
    [InlineData(new[] { "evaluate", "--max-fits", "0" }, "--max-fits")]
    public void Bad_options_exit_with_2_naming_the_option(string[] args, string named)
    {
        var withData = args[0] == "evaluate" ? [.. args, "--dataset", _data.Directory] : args;

        var (code, _, error) = CliRun.Invoke(withData);

        Assert.Equal(2, code);
        Assert.Contains(named, error, StringComparison.Ordinal);
    }

    public void Dispose()
    {
        _data.Dispose();
        _files.Dispose();
    }

    /// <summary>The command reading <paramref name="dataset"/>; train also needs a model path.</summary>
    private string[] Arguments(string command, string dataset) =>
        command == "train" ? ["train", "--dataset", dataset, "--out", _files.Path("m.zip")] : ["evaluate", "--dataset", dataset];

    private static JsonElement Report(string json)
    {
        using var document = JsonDocument.Parse(json);
        var root = document.RootElement.Clone();
        Assert.Equal(ReportKeys, root.EnumerateObject().Select(p => p.Name));
        Assert.All(root.GetProperty("learners").EnumerateArray(), l => Assert.Equal(["name", "mae", "fallbackFolds"], l.EnumerateObject().Select(p => p.Name)));
        return root;
    }
}
