using System.Text.Json;
using GpuPool.Cli.Tests.Support;
using GpuPool.Operator.Observations;

namespace GpuPool.Cli.Tests.Commands;

/// <summary>The feedback loop: `gpupool train --observations` on what the operator measured, checked with `gpupool explain`.</summary>
public sealed class TrainObservationsCommandTests : IDisposable
{
    private const string JobA = "default/train-sgemm";
    private const string JobB = "default/etl-stream";

    // How far below the model's prediction the made-up measurement lies: a mispredicted pair.
    private const double Overestimate = 0.25;

    private static readonly JsonSerializerOptions Web = new(JsonSerializerDefaults.Web);

    private readonly TempFiles _files = new();

    /// <summary>What the model is retrained on beside the observations: the simulated default set, or nothing.</summary>
    public static TheoryData<string[]> Bases => new() { new[] { "--simulated" }, Array.Empty<string>() };

    /// <summary>A bad observations line and what the error must name (file:line:column: field).</summary>
    public static TheoryData<string, string> BadLines => new()
    {
        { "{\"job\": \"default/a\", \"jobUid\": ", "obs.jsonl:2:" },
        { Line(JobA, "u9", JobB, "share 0.5/0.5", 5), "field 'measuredNp': 5 must be in [0.001, 2]" },
        { Line(JobA, "u9", JobB, "share 0.5/0.5", 0.5).Replace("\"measuredNp\":0.5,", string.Empty, StringComparison.Ordinal), "measuredNp" },
        { Line(JobA, "u9", JobB, "share 0.5/0.5", 0.5).Replace("\"u9\"", "42", StringComparison.Ordinal), "field '$.jobUid'" },
    };

    [Theory]
    [MemberData(nameof(Bases))]
    public void A_model_retrained_on_observations_of_a_mispredicted_pair_predicts_that_pair_better(string[] baseData)
    {
        var before = Predicted(Model("base.zip", "--simulated"));
        var measured = (A: before.A - Overestimate, B: before.B - Overestimate);
        var observations = Observations(
            Line(JobA, "u1", JobB, "share 0.25/0.75", measured.A),
            Line(JobB, "u2", JobA, "share 0.75/0.25", measured.B));

        var after = Predicted(Model("retrained.zip", [.. baseData, "--observations", observations, "--manifests", Sample("profiles.yaml"), Sample("compatible-pair.yaml")]));

        Assert.True(Math.Abs(after.A - measured.A) < Math.Abs(before.A - measured.A) / 2, $"{JobA}: {before.A:0.000} -> {after.A:0.000}, measured {measured.A:0.000}");
        Assert.True(Math.Abs(after.B - measured.B) < Math.Abs(before.B - measured.B) / 2, $"{JobB}: {before.B:0.000} -> {after.B:0.000}, measured {measured.B:0.000}");
    }

    [Fact]
    public void Repeated_lines_count_once_and_unusable_observations_are_named()
    {
        var observations = Observations(
            Line(JobA, "u1", JobB, "share 0.25/0.75", 0.4),
            Line(JobA, "u1", JobB, "share 0.25/0.75", 0.4),
            Line(JobB, "u2", string.Empty, "exclusive", 1.0),
            Line(JobB, "u3", "default/gone", "share 0.5/0.5", 0.6));

        var (code, output, error) = CliRun.Invoke("train", "--observations", observations, "--manifests", Sample("profiles.yaml"), Sample("compatible-pair.yaml"), "--out", _files.Path("m.zip"));

        Assert.True(code == 0, error);
        // train-sgemm has 2 kernels, etl-stream 1: 2 kernel pairs x weight 10.
        Assert.Contains("observations: 1 used (20 samples), 2 skipped, 1 repeated line dropped", output, StringComparison.Ordinal);
        Assert.Contains($"skipped: {JobB} (u2): ran alone", error, StringComparison.Ordinal);
        Assert.Contains($"skipped: {JobB} (u3): partner default/gone is not a GpuJob of the --manifests files", error, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(BadLines))]
    public void A_bad_observation_line_exits_2_naming_its_position(string bad, string expected)
    {
        var observations = Observations(Line(JobA, "u1", JobB, "share 0.25/0.75", 0.4), bad);

        var (code, _, error) = CliRun.Invoke("train", "--observations", observations, "--manifests", Sample("profiles.yaml"), Sample("compatible-pair.yaml"), "--out", _files.Path("m.zip"));

        Assert.Equal(2, code);
        Assert.StartsWith("error: obs.jsonl:2:", error, StringComparison.Ordinal);
        Assert.Contains(expected, error, StringComparison.Ordinal);
        Assert.False(File.Exists(_files.Path("m.zip")));
    }

    [Fact]
    public void Observations_without_manifests_exit_2_naming_the_option()
    {
        var (code, _, error) = CliRun.Invoke("train", "--observations", Observations(Line(JobA, "u1", JobB, "share 0.5/0.5", 0.4)), "--out", _files.Path("m.zip"));

        Assert.Equal(2, code);
        Assert.Contains("--manifests: required with --observations", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Manifests_without_observations_exit_2_naming_the_option()
    {
        var (code, _, error) = CliRun.Invoke("train", "--simulated", "--manifests", Sample("profiles.yaml"), "--out", _files.Path("m.zip"));

        Assert.Equal(2, code);
        Assert.Contains("--manifests: only read with --observations", error, StringComparison.Ordinal);
    }

    public void Dispose() => _files.Dispose();

    private static string Line(string job, string uid, string partner, string setting, double measured) =>
        JsonSerializer.Serialize(new NpObservation(job, uid, partner, setting, ["k"], 0.6, measured, 0.5, "gpu-node-1", 1, "2026-12-01T10:00:00Z"), Web);

    private static string Sample(string name) => Path.Combine(AppContext.BaseDirectory, "samples", name);

    private string Observations(params string[] lines)
    {
        var path = _files.Path("obs.jsonl");
        File.WriteAllLines(path, lines);
        return path;
    }

    private string Model(string name, params string[] args)
    {
        var path = _files.Path(name);
        var (code, _, error) = CliRun.Invoke(["train", .. args, "--out", path]);
        Assert.True(code == 0, error);
        return path;
    }

    /// <summary>NP of A and B under the split the observations name (A's share 1/4), as `gpupool explain` reports it.</summary>
    private static (double A, double B) Predicted(string model)
    {
        var (code, output, error) = CliRun.Invoke("explain", JobA, JobB, "--model", model, "--format", "json", "--manifests", Sample("profiles.yaml"), Sample("compatible-pair.yaml"));
        Assert.True(code == 0, error);
        using var json = JsonDocument.Parse(output);
        var quarter = json.RootElement.GetProperty("settings").EnumerateArray().Single(s => s.GetProperty("setting").GetString() == "share 0.25/0.75");
        return (quarter.GetProperty("npA").GetDouble(), quarter.GetProperty("npB").GetDouble());
    }
}
