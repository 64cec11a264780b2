using System.CommandLine;

namespace GpuPool.Cli.Commands;

/// <summary>The predictor's commands: train, evaluate, bench predict, profile import, explain.</summary>
internal static class PredictionCommands
{
    public static void AddTo(RootCommand root)
    {
        root.Subcommands.Add(TrainCommand.Create());
        root.Subcommands.Add(EvaluateCommand.Create());
        root.Subcommands.Add(BenchCommand.Create());
        root.Subcommands.Add(ProfileCommand.Create());
        root.Subcommands.Add(ExplainCommand.Create());
    }
}
