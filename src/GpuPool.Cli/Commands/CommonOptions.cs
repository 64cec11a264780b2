using System.CommandLine;
using GpuPool.Core.Datasets;
using GpuPool.Simulation.Datasets;
using GpuPool.Simulation.Gpus;
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

    /// <summary>
    /// Runs <paramref name="fit"/>, a calibration on the data set at <paramref name="directory"/>;
    /// a system that data cannot determine is bad input naming the data set and the cause.
    /// </summary>
    public static T Calibrate<T>(string? directory, Func<T> fit)
    {
        ArgumentNullException.ThrowIfNull(fit);
        try
        {
            return fit();
        }
        catch (SingularSystemException e)
        {
            throw new DatasetFormatException($"{directory ?? "embedded data set"}: the co-run model cannot be calibrated: {e.Message}", e);
        }
    }
}
