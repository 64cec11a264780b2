namespace GpuPool.Cli.Commands;

/// <summary>Names the option whose value a parser refused (CliApp turns the error into exit code 2).</summary>
internal static class CommandErrors
{
    /// <summary>Reads an option's value through <paramref name="parse"/>, naming the option when the value is bad.</summary>
    public static T Option<T>(string option, Func<T> parse)
    {
        try
        {
            return parse();
        }
        catch (ArgumentException e)
        {
            throw new UsageException($"{option}: {CliApp.BadInputMessage(e)}", e);
        }
    }
}
