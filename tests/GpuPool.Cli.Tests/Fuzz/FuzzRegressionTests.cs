namespace GpuPool.Cli.Tests.Fuzz;

/// <summary>Inputs the seeded fuzz found mishandled, one row each, kept after their fix.</summary>
public sealed class FuzzRegressionTests
{
    public static TheoryData<string[], string> Found => new()
    {
        // arguments, the start of the one line on stderr (each used to echo the 1e6-character value whole)
        { ["simulate", "--jobs", "3", "--seed", new string('7', 1_000_000)], "error: Cannot parse argument '7777" },
        { ["simulate", "--jobs", "3", "--gpus", new string('7', 1_000_000)], "error: Cannot parse argument '7777" },
        { ["simulate", "--jobs", "3", "--format", new string('7', 1_000_000)], "error: --format must be 'table' or 'json' (got '7777" },
        { ["calibrate", "--folds", "2", "--dataset", new string('7', 1_000_000)], "error: 7777" },
    };

    [Theory]
    [MemberData(nameof(Found))]
    public void A_huge_option_value_is_named_in_a_short_exit_2_message(string[] args, string start)
    {
        var (code, _, error) = CliRun.Invoke(args);

        Assert.Equal(2, code);
        Assert.StartsWith(start, error, StringComparison.Ordinal);
        Assert.Contains("characters)", error, StringComparison.Ordinal);
        Assert.True(error.Length < 300, $"{error.Length} characters on stderr");
    }
}
