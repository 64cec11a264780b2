using System.CommandLine;

namespace GpuPool.Cli.Commands;

/// <summary>`gpupool bench`: speed measurements that print numbers (never timed unit tests).</summary>
internal static class BenchCommand
{
    public static Command Create()
    {
        var command = new Command("bench", "Speed benchmarks.");
        command.Subcommands.Add(BenchPredictCommand.Create());
        command.Subcommands.Add(BenchTimelineCommand.Create());
        command.Subcommands.Add(BenchWindowCommand.Create());
        command.Subcommands.Add(BenchPruneCommand.Create());
        return command;
    }
}
