using System.Text.RegularExpressions;
using GpuPool.Simulation.Datasets;

namespace GpuPool.Cli.Commands;

/// <summary>
/// The one line an error prints: a message quotes the offending value, path or cell, and one of a
/// megabyte (an argument, a file name) must be named, not echoed. Runs of text without a space
/// longer than any real path are cut as a data set's cells are.
/// </summary>
internal static partial class ErrorLine
{
    public static string Of(string message)
    {
        ArgumentNullException.ThrowIfNull(message);
        return $"error: {LongRun().Replace(message, m => CellText.Shorten(m.Value))}";
    }

    [GeneratedRegex(@"\S{257,}")]
    private static partial Regex LongRun();
}
