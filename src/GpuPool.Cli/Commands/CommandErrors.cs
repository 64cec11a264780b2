using GpuPool.Prediction.Models;
using GpuPool.Simulation.Datasets;

namespace GpuPool.Cli.Commands;

/// <summary>Turns bad input (arguments, files, models) into one clear line on stderr and exit code 2.</summary>
internal static class CommandErrors
{
    public static int Guard(Func<int> action) => Guard(Console.Error, action);

    /// <summary>As <see cref="Guard(Func{int})"/>, writing the message to <paramref name="error"/> (the invocation's stderr).</summary>
    public static int Guard(TextWriter error, Func<int> action)
    {
        ArgumentNullException.ThrowIfNull(error);
        try
        {
            return action();
        }
        catch (Exception e) when (e is ArgumentException or FileNotFoundException or DirectoryNotFoundException
            or InvalidDataException or DatasetFormatException or ModelSchemaMismatchException)
        {
            var message = e is ArgumentException { ParamName: not null } a ? a.Message.Replace($" (Parameter '{a.ParamName}')", string.Empty, StringComparison.Ordinal) : e.Message;
            error.WriteLine(ErrorLine.Of(message));
            return ExitCodes.BadInput;
        }
    }

    /// <summary>Reads an option's value through <paramref name="parse"/>, naming the option when the value is bad.</summary>
    public static T Option<T>(string option, Func<T> parse)
    {
        try
        {
            return parse();
        }
        catch (ArgumentException e)
        {
            throw new ArgumentException($"{option}: {e.Message.Replace($" (Parameter '{e.ParamName}')", string.Empty, StringComparison.Ordinal)}", e);
        }
    }
}
