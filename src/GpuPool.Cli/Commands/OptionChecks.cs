using System.CommandLine;
using System.Globalization;
using System.Numerics;

namespace GpuPool.Cli.Commands;

/// <summary>
/// Parse-time checks on option values. A failed check is a parse error: one line naming the
/// option, exit code 2, before any work starts (a bad --plot directory is refused before the run,
/// not after it).
/// </summary>
internal static class OptionChecks
{
    /// <summary>The value must lie in [<paramref name="minimum"/>, <paramref name="maximum"/>]; the bounds keep a run finite.</summary>
    public static Option<T> InRange<T>(this Option<T> option, T minimum, T maximum)
        where T : struct, INumber<T>
    {
        option.Validators.Add(result =>
        {
            // A value that does not parse is the parser's error already; no token means the default.
            if (result.Tokens.Count == 0 || !T.TryParse(result.Tokens[^1].Value, CultureInfo.InvariantCulture, out var value))
            {
                return;
            }

            if (!(value >= minimum && value <= maximum))
            {
                result.AddError(string.Create(CultureInfo.InvariantCulture, $"{option.Name} must be between {minimum} and {maximum} (got {value})."));
            }
        });
        return option;
    }

    /// <summary>The value must satisfy <paramref name="holds"/>; <paramref name="rule"/> says what is needed (e.g. "in [0, 1)").</summary>
    public static Option<T> Must<T>(this Option<T> option, Func<T, bool> holds, string rule)
    {
        ArgumentNullException.ThrowIfNull(holds);
        option.Validators.Add(result =>
        {
            // No token means the default, which holds by construction.
            if (result.Tokens.Count == 0)
            {
                return;
            }

            T value;
            try
            {
                value = result.GetValueOrDefault<T>();
            }
            catch (InvalidOperationException)
            {
                // A value that does not convert is the parser's error already.
                return;
            }

            if (value is not null && !holds(value))
            {
                result.AddError(string.Create(CultureInfo.InvariantCulture, $"{option.Name}: {value} is not {rule}."));
            }
        });
        return option;
    }

    /// <summary>The value names a file that can be written: not a directory, in a directory that exists.</summary>
    public static Option<T> WritableFile<T>(this Option<T> option)
        where T : class?
    {
        option.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<T>() is not string path)
            {
                return;
            }

            string? directory;
            try
            {
                directory = Path.GetDirectoryName(Path.GetFullPath(path));
            }
            catch (ArgumentException)
            {
                result.AddError($"{option.Name}: '{path}' is not a valid path.");
                return;
            }

            if (Directory.Exists(path))
            {
                result.AddError($"{option.Name}: '{path}' is a directory; name a file.");
            }
            else if (directory is not null && !Directory.Exists(directory))
            {
                result.AddError($"{option.Name}: directory '{directory}' does not exist.");
            }
        });
        return option;
    }
}
