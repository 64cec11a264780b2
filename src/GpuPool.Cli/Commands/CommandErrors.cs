using GpuPool.Prediction.Models;
using GpuPool.Simulation.Datasets;

namespace GpuPool.Cli.Commands;

/// <summary>Turns bad input (arguments, files, models) into one clear line on stderr and exit code 2.</summary>
internal static class CommandErrors
{
    public const int BadInput = 2;

    public static int Guard(Func<int> action)
    {
        try
        {
            return action();
        }
        catch (Exception e) when (e is ArgumentException or FileNotFoundException or DirectoryNotFoundException
            or InvalidDataException or DatasetFormatException or ModelSchemaMismatchException)
        {
            Console.Error.WriteLine($"error: {e.Message}");
            return BadInput;
        }
    }
}
