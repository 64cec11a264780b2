using System.Text.Json;
using GpuPool.Cli.Tests.Support;
using GpuPool.Prediction.Features;

namespace GpuPool.Cli.Tests.Commands;

/// <summary>`gpupool explain` on the repository's samples: the rule's floors, its chosen setting and the graph's edge agree.</summary>
public sealed class ExplainCommandTests : IDisposable
{
    private readonly TempFiles _files = new();

    /// <summary>Two jobs of the samples and whether a window pairs them (README: the compatible pair shares, the strict one does not).</summary>
    public static TheoryData<string, string, string, bool> SamplePairs => new()
    {
        { "compatible-pair.yaml", "train-sgemm", "etl-stream", true },
        { "incompatible-pair.yaml", "solver-spmv", "default/etl-stream-strict", false },
    };

    /// <summary>Arguments that are bad input, and what the one error line must say.</summary>
    public static TheoryData<string[], string> BadArguments => new()
    {
        { ["nope", "sgemm"], "'nope': no GpuJob or GpuProfile of that name" },
        { ["sgemm", "sgemm"], "JOB_A and JOB_B both name default/sgemm" },
        { ["sgemm", "spmv", "--format", "xml"], "--format: xml is not text or json" },
        { ["sgemm", "spmv", "--qos", "1.5"], "--qos: 1.5 is not in (0, 1]" },
        { ["sgemm", "spmv", "--model", "missing.zip"], "Model file 'missing.zip' does not exist" },
    };

    [Theory]
    [MemberData(nameof(SamplePairs))]
    public void The_chosen_setting_is_the_best_that_clears_both_floors_and_the_edge_follows_it(string file, string a, string b, bool paired)
    {
        var json = Explain(a, b, Sample("profiles.yaml"), Sample(file));

        var delta = json.GetProperty("delta").GetDouble();
        var floorA = json.GetProperty("floorA");
        Assert.Equal(floorA.GetProperty("qosTarget").GetDouble() * (1 + delta), floorA.GetProperty("floor").GetDouble(), 12);
        var settings = json.GetProperty("settings").EnumerateArray().ToList();
        Assert.Equal(["share 0.25/0.75", "share 0.5/0.5", "share 0.75/0.25"], settings.Select(s => s.GetProperty("setting").GetString()));
        Assert.All(settings, s => Assert.Equal(
            s.GetProperty("npA").GetDouble() > floorA.GetProperty("floor").GetDouble(), s.GetProperty("clearsA").GetBoolean()));
        var best = settings.Where(s => s.GetProperty("clearsA").GetBoolean() && s.GetProperty("clearsB").GetBoolean())
            .OrderByDescending(s => s.GetProperty("stp").GetDouble()).Select(s => s.GetProperty("setting").GetString()).FirstOrDefault();
        Assert.Equal(best, json.GetProperty("chosen").GetString());
        Assert.Equal(paired, json.GetProperty("edge").GetBoolean());
        // No edge: one reason per setting, naming the floor it misses.
        var reasons = json.GetProperty("reasons").EnumerateArray().Select(r => r.GetString()!).ToList();
        Assert.Equal(paired ? 0 : settings.Count, reasons.Count);
        Assert.All(reasons, r => Assert.Contains("<= floor", r, StringComparison.Ordinal));
    }

    [Fact]
    public void Features_are_the_model_s_own_names_largest_effect_first()
    {
        var json = Explain("sgemm", "stream-triad", Sample("profiles.yaml"), "--top", "4");

        Assert.Equal("share 0.25/0.75", json.GetProperty("featuresSetting").GetString());
        foreach (var side in new[] { "featuresA", "featuresB" })
        {
            var effects = json.GetProperty(side).EnumerateArray().ToList();
            Assert.Equal(4, effects.Count);
            Assert.All(effects, e => Assert.Contains(e.GetProperty("feature").GetString(), FeatureCatalog.Full.Schema.Names));
            var magnitudes = effects.Select(e => Math.Abs(e.GetProperty("effect").GetDouble())).ToList();
            Assert.Equal(magnitudes.OrderByDescending(m => m), magnitudes);
            Assert.True(magnitudes[0] > 0, $"{side}: no feature moved the prediction");
        }
    }

    [Fact]
    public void Jobs_whose_memory_does_not_fit_one_GPU_get_no_edge_even_when_both_floors_clear()
    {
        var manifest = _files.Path("big.yaml");
        File.WriteAllText(manifest, File.ReadAllText(Sample("compatible-pair.yaml")).Replace("gpuMemoryMiB: 4096", "gpuMemoryMiB: 30000", StringComparison.Ordinal));

        var json = Explain("train-sgemm", "etl-stream", Sample("profiles.yaml"), manifest);

        Assert.NotNull(json.GetProperty("chosen").GetString());
        Assert.False(json.GetProperty("edge").GetBoolean());
        Assert.StartsWith("memory: default/train-sgemm needs 30000 MiB", Assert.Single(json.GetProperty("reasons").EnumerateArray()).GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public void The_table_names_the_settings_the_choice_and_the_edge()
    {
        var (code, output, error) = CliRun.Invoke("explain", "train-sgemm", "etl-stream", "--manifests", Sample("profiles.yaml"), Sample("compatible-pair.yaml"));

        Assert.True(code == 0, error);
        Assert.Contains("QoS floors (target x (1 + delta)): default/train-sgemm 0.5 -> 0.55", output, StringComparison.Ordinal);
        Assert.Contains("share 0.5/0.5", output, StringComparison.Ordinal);
        Assert.Contains("edge: yes", output, StringComparison.Ordinal);
        Assert.Contains("default/etl-stream: ", output, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(BadArguments))]
    public void Bad_arguments_exit_2_with_one_line_naming_them(string[] args, string expected)
    {
        var (code, output, error) = CliRun.Invoke(["explain", .. args, "--manifests", Sample("profiles.yaml")]);

        Assert.Equal(2, code);
        Assert.Empty(output);
        Assert.Contains(expected, error, StringComparison.Ordinal);
    }

    public void Dispose() => _files.Dispose();

    private static string Sample(string name) => Path.Combine(AppContext.BaseDirectory, "samples", name);

    private static JsonElement Explain(string a, string b, params string[] rest)
    {
        var manifests = rest.TakeWhile(r => !r.StartsWith("--", StringComparison.Ordinal));
        var options = rest.SkipWhile(r => !r.StartsWith("--", StringComparison.Ordinal));
        var (code, output, error) = CliRun.Invoke(["explain", a, b, "--format", "json", .. options, "--manifests", .. manifests]);
        Assert.True(code == 0, error);
        return JsonDocument.Parse(output).RootElement.Clone();
    }
}
