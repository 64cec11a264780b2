using System.CommandLine;
using GpuPool.Core.Gpus;
using GpuPool.Simulation.Workloads;

namespace GpuPool.Cli.Commands;

/// <summary>`gpupool generate-kernels`: prints a synthetic profiles.csv (the embedded default is seed 2022, 19 kernels).</summary>
public static class GenerateKernelsCommand
{
    public static Command Create(TextWriter stdout)
    {
        var seed = new Option<int>("--seed") { Description = "Generator seed.", DefaultValueFactory = _ => SyntheticKernelGenerator.DefaultSeed };
        var count = new Option<int>("--count") { Description = "Number of kernels.", DefaultValueFactory = _ => SyntheticKernelGenerator.DefaultCount }.Must(n => n >= 1, "at least 1");
        var command = new Command("generate-kernels", "Print synthetic kernel profiles (GpuPool profiles.csv layout) drawn from the artifact's summary statistics.") { seed, count };
        command.SetAction(parse =>
        {
            var n = parse.GetValue(count);
            stdout.Write(SyntheticKernelGenerator.ToCsv(SyntheticKernelGenerator.Generate(n, parse.GetValue(seed), GpuModel.V100)));
            return ExitCodes.Success;
        });
        return command;
    }
}
