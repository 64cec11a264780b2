using System.CommandLine;
using GpuPool.Core.Datasets;
using GpuPool.Simulation.Datasets;
using GpuPool.Simulation.Workloads;

namespace GpuPool.Cli.Commands;

/// <summary>Options shared by several commands.</summary>
public static class CommonOptions
{
    public static Option<string?> Dataset(string description) => new("--dataset") { Description = description };

    public static Option<string?> Trace() => new("--trace") { Description = "Philly trace CSV (timestamp,duration,num_gpus,...) to take arrivals from, read in place." };

    /// <summary>The data set at <paramref name="directory"/>, or the embedded synthetic default.</summary>
    public static ProfileDataset LoadDataset(string? directory) =>
        directory is null ? EmbeddedWorkload.Dataset() : DatasetLoader.Load(directory);
}
