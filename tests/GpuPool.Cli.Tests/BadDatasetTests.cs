using GpuPool.Cli.Tests.Support;

namespace GpuPool.Cli.Tests;

/// <summary>Data sets that load but cannot be calibrated or simulated in bounded time: exit 2 naming the data set and the cause.</summary>
public sealed class BadDatasetTests : IDisposable
{
    private readonly SyntheticDataset _data = new(kernels: 4);

    public static TheoryData<string[]> Commands => new()
    {
        { ["calibrate", "--folds", "2"] },
        { ["simulate", "--jobs", "4", "--gpus", "2", "--policy", "NoSharing"] },
    };

    [Theory]
    [MemberData(nameof(Commands))]
    public void A_counter_far_out_of_scale_is_a_singular_calibration_named_by_data_set(string[] command)
    {
        SetCounter("k1", "ipc", "1e15");

        var (code, _, error) = CliRun.Invoke([.. command, "--dataset", _data.Directory]);

        Assert.Equal(2, code);
        Assert.StartsWith($"error: {_data.Directory}: the co-run model cannot be calibrated: The calibration system is singular", error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_run_too_long_to_simulate_is_refused_before_it_starts()
    {
        foreach (var kernel in new[] { "k0", "k1", "k2", "k3" })
        {
            SetCounter(kernel, "isolated_seconds", "1e6");
        }

        var (code, _, error) = CliRun.Invoke("simulate", "--dataset", _data.Directory, "--jobs", "4", "--gpus", "2", "--policy", "NoSharing");

        Assert.Equal(2, code);
        Assert.Contains("scheduling windows of 30 s (limit 1e6): raise --window", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Help_lists_the_exit_codes()
    {
        var (code, output, _) = CliRun.Invoke("--help");

        Assert.Equal(0, code);
        Assert.Contains("Exit codes: 0 success; 1 unexpected failure; 2 bad arguments or input files", output, StringComparison.Ordinal);
    }

    public void Dispose() => _data.Dispose();

    private void SetCounter(string kernel, string column, string value)
    {
        var path = _data.PathOf("profiles.csv");
        var lines = File.ReadAllLines(path);
        var index = Array.IndexOf(lines[0].Split(','), column);
        for (var i = 1; i < lines.Length; i++)
        {
            var fields = lines[i].Split(',');
            if (fields[0] == kernel)
            {
                fields[index] = value;
                lines[i] = string.Join(',', fields);
            }
        }

        File.WriteAllLines(path, lines);
        Assert.Contains(lines, l => l.StartsWith(kernel + ",", StringComparison.Ordinal) && l.Contains(value, StringComparison.Ordinal));
    }
}
