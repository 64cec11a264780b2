using System.Text.Json;
using GpuPool.Cli.Tests.Support;

namespace GpuPool.Cli.Tests;

public sealed class SimulateCommandTests
{
    private static readonly string[] Small = ["simulate", "--jobs", "12", "--gpus", "4"];

    public static TheoryData<string[], string> BadArguments => new()
    {
        { ["simulate", "--gpus", "0"], "--gpus" },
        { ["simulate", "--gpus", "many"], "many" },
        { ["simulate", "--window", "-5"], "--window" },
        { ["simulate", "--delta", "1.5"], "--delta" },
        { ["simulate", "--format", "xml"], "--format" },
        { ["simulate", "--plot", "out.gif"], "--plot" },
        { ["simulate", "--policy", "Magic"], "Magic" },
        { ["simulate", "--no-such-option"], "--no-such-option" },
        { ["simulate", "--dataset", "no-such-dir-xyz"], "no-such-dir-xyz" },
        { ["simulate", "--trace", "no-such-trace.csv"], "no-such-trace.csv" },
        { ["simulate", "--model", "no-such-model.zip"], "--model" },
        { ["simulate", "--seeds", "0"], "--seeds" },
        { ["calibrate"], "--dataset" },
        { ["calibrate", "--dataset", "x", "--folds", "1"], "--folds" },
        // Once crashed or never ended (fuzzed).
        { ["simulate", "--window", "1e308"], "--window must be between 0.1 and 86400" },
        { ["simulate", "--window", "1e-300"], "--window must be between 0.1 and 86400" },
        { ["simulate", "--load", "1e-300"], "--load must be between 0.001 and 1000" },
        { ["simulate", "--jobs", "2000000000"], "--jobs must be between 1 and 20000" },
        { ["simulate", "--gpus", "2000000000"], "--gpus must be between 1 and 4096" },
        { ["simulate", "--plot", "no-such-dir-xyz/plot.png"], "--plot: directory" },
        { ["calibrate", "--dataset", "x", "--folds", "1000"], "--folds must be between 2 and 20" },
        { ["train", "--simulated", "--out", "."], "--out: '.' is a directory" },
        { ["train", "--simulated", "--out", "no-such-dir-xyz/model.zip"], "--out: directory" },
        // Option values checked by the parser (validators), before any work: one path for every command.
        { ["evaluate", "--dataset", "x", "--delta", "1"], "--delta: 1 is not in [0, 1)" },
        { ["evaluate", "--dataset", "x", "--format", "yaml"], "--format: yaml is not text or json" },
        { ["explain", "a", "b", "--manifests", "m.yaml", "--delta", "abc"], "Cannot parse argument 'abc' for option '--delta'" },
        { ["bench", "predict", "--dataset", "x", "--jobs", "1"], "--jobs: 1 is not at least 2" },
        { ["bench", "window", "--warmup-jobs", "-1"], "--warmup-jobs: -1 is not 0 or more" },
        { ["generate-kernels", "--count", "0"], "--count: 0 is not at least 1" },
    };

    // The JSON members and table headers, in order, as docs/simulation.md lists them.
    private static readonly string[] Columns = [.. DocumentedColumns.Read().Select(c => c.Json)];

    [Fact]
    public void Json_output_has_exactly_the_documented_shape_and_one_entry_per_policy()
    {
        var (code, output, _) = CliRun.Invoke([.. Small, "--format", "json"]);

        Assert.Equal(0, code);
        using var doc = JsonDocument.Parse(output);
        Assert.Equal(["policies"], doc.RootElement.EnumerateObject().Select(p => p.Name));
        var policies = doc.RootElement.GetProperty("policies").EnumerateArray().ToList();
        Assert.Equal(7, policies.Count);
        Assert.All(policies, p => Assert.Equal(["name", "bound", .. Columns], p.EnumerateObject().Select(x => x.Name)));
        // GpuPool decides with the trained model, so its name carries no ground-truth label.
        Assert.Equal(
            ["NoSharing", "Coarse", "Heuristic", "GpuPool", "GpuPoolWeighted", "TrueNpMatching", "Oracle"],
            policies.Select(p => p.GetProperty("name").GetString()));
        Assert.Equal(1.0, policies[0].GetProperty("stpPerGpu").GetDouble(), 9);
        Assert.Equal(1.0, policies[2].GetProperty("vsHeuristic").GetDouble(), 9);

        // The Oracle is a bound, not a run: throughput only, at least every policy's.
        var oracle = policies[^1];
        Assert.True(oracle.GetProperty("bound").GetBoolean());
        Assert.Equal(JsonValueKind.Null, oracle.GetProperty("qosReached").ValueKind);
        Assert.All(policies[..^1], p => Assert.True(p.GetProperty("stpPerGpu").GetDouble() <= oracle.GetProperty("stpPerGpu").GetDouble()));
    }

    [Fact]
    public void Several_seeds_give_mean_min_max_per_column_and_every_run()
    {
        var (code, output, _) = CliRun.Invoke([.. Small, "--seed", "3", "--seeds", "2", "--policy", "NoSharing", "--policy", "Heuristic", "--format", "json"]);

        Assert.Equal(0, code);
        using var doc = JsonDocument.Parse(output);
        Assert.Equal(["seeds", "policies", "runs"], doc.RootElement.EnumerateObject().Select(p => p.Name));
        Assert.Equal([3, 4], doc.RootElement.GetProperty("seeds").EnumerateArray().Select(s => s.GetInt32()));
        var runs = doc.RootElement.GetProperty("runs").EnumerateArray().ToList();
        var heuristic = doc.RootElement.GetProperty("policies")[1];
        Assert.Equal(["name", "bound", .. Columns], heuristic.EnumerateObject().Select(x => x.Name));
        var perSeed = runs.Select(r => r.GetProperty("policies")[1].GetProperty("makespan").GetDouble()).ToList();
        var makespan = heuristic.GetProperty("makespan");
        Assert.Equal(perSeed.Average(), makespan.GetProperty("mean").GetDouble(), 9);
        Assert.Equal(perSeed.Min(), makespan.GetProperty("min").GetDouble(), 9);
        Assert.Equal(perSeed.Max(), makespan.GetProperty("max").GetDouble(), 9);
    }

    // Each table, its header row, as docs/simulation.md documents it (units in the header: (x) and (s) for simulated seconds).
    [Theory]
    [InlineData(new[] { "--seeds", "1" }, 0)]
    [InlineData(new[] { "--seeds", "2" }, 1)]
    public void Both_tables_print_the_documented_columns_in_order_with_their_units(string[] seeds, int headerRow)
    {
        var documented = DocumentedColumns.Read();

        var (code, output, _) = CliRun.Invoke([.. Small, .. seeds, "--policy", "NoSharing"]);

        Assert.Equal(0, code);
        var header = output.Split('\n', StringSplitOptions.RemoveEmptyEntries)[headerRow];
        Assert.Equal(["policy", .. documented.Select(c => c.Header)], header.Split(' ', StringSplitOptions.RemoveEmptyEntries));
        Assert.All(documented, c => Assert.Equal(c.Unit == "simulated s", c.Header.EndsWith("(s)", StringComparison.Ordinal)));
        Assert.Contains("(s) = simulated seconds", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Table_rows_are_the_policies_then_the_bound_then_the_legend()
    {
        var (code, output, error) = CliRun.Invoke([.. Small, "--policy", "NoSharing", "--policy", "oracle"]);

        Assert.Equal(0, code);
        var rows = output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("NoSharing ", rows[1], StringComparison.Ordinal);
        Assert.StartsWith("Oracle ", rows[2], StringComparison.Ordinal);
        Assert.Contains("upper bound", rows[3], StringComparison.Ordinal);
        Assert.Contains("policy 1/1", error, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(BadArguments))]
    public void Bad_arguments_exit_with_2_and_name_the_culprit(string[] args, string named)
    {
        var (code, _, error) = CliRun.Invoke(args);

        Assert.Equal(2, code);
        Assert.Contains(named, error, StringComparison.Ordinal);
    }

    [Fact]
    public void Malformed_dataset_exits_with_2_naming_file_line_and_column()
    {
        var dir = Directory.CreateTempSubdirectory("gpupool-cli-").FullName;
        try
        {
            File.WriteAllText(Path.Combine(dir, "profiles.csv"), "id,isolated_seconds,memory_mib,grid_blocks,threads_per_block,registers_per_thread,shared_memory_per_block_bytes\nk1,0.001,10,80,abc,32,0\n");
            File.WriteAllText(Path.Combine(dir, "pairs.csv"), "a,b,quota_a,quota_b,np_a,np_b\n");

            var (code, _, error) = CliRun.Invoke("simulate", "--dataset", dir);

            Assert.Equal(2, code);
            Assert.Contains("profiles.csv:2:5: field 'threads_per_block'", error, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    [Theory]
    [InlineData(".png", new byte[] { 0x89, (byte)'P', (byte)'N', (byte)'G' })]
    [InlineData(".svg", new byte[] { (byte)'<', (byte)'s', (byte)'v', (byte)'g' })]
    public void Plot_is_written_in_the_requested_format(string extension, byte[] magic)
    {
        var path = Path.Combine(Path.GetTempPath(), $"gpupool-plot-{Guid.NewGuid():N}{extension}");
        try
        {
            var (code, _, error) = CliRun.Invoke([.. Small, "--policy", "NoSharing", "--plot", path]);

            Assert.True(code == 0, error);
            Assert.Equal(magic, File.ReadAllBytes(path).Take(4));
        }
        finally
        {
            File.Delete(path);
        }
    }
}
