using System.CommandLine;
using GpuPool.Cli.Commands;
using GpuPool.Prediction.Models;
using GpuPool.Simulation.Datasets;

namespace GpuPool.Cli;

/// <summary>
/// The gpupool command line. Parse errors and option validators (System.CommandLine), and bad input
/// found while running (<see cref="BadInputMessage"/>), print one clear message on stderr and exit
/// with <see cref="ExitCodes.BadInput"/>: one error path for every command.
/// </summary>
public static class CliApp
{
    /// <summary>The root help text; it lists the exit codes so scripts can tell bad input from a failure.</summary>
    public const string Description =
        "GpuPool: interference-aware GPU sharing: simulation and tools.\n\n" +
        "Exit codes: 0 success; 1 unexpected failure; 2 bad arguments or input files (the message names the option, or the file, line and field).";

    public static int Run(string[] args, TextWriter stdout, TextWriter stderr)
    {
        ArgumentNullException.ThrowIfNull(stdout);
        ArgumentNullException.ThrowIfNull(stderr);
        var root = new RootCommand(Description);
        root.Subcommands.Add(SimulateCommand.Create(stdout, stderr));
        root.Subcommands.Add(CalibrateCommand.Create(stdout));
        root.Subcommands.Add(FitArrivalsCommand.Create(stdout));
        root.Subcommands.Add(GenerateKernelsCommand.Create(stdout));
        root.Subcommands.Add(SimRunCommand.Create(Environment.GetEnvironmentVariable));
        root.Subcommands.Add(PanelsCommand.Create(stdout, TimeProvider.System, PrometheusClient));
        PredictionCommands.AddTo(root);

        var parsed = root.Parse(args);
        if (parsed.Errors.Count > 0)
        {
            foreach (var error in parsed.Errors)
            {
                stderr.WriteLine(ErrorLine.Of(error.Message));
            }

            return ExitCodes.BadInput;
        }

        try
        {
            return parsed.Invoke(new InvocationConfiguration { Output = stdout, Error = stderr, EnableDefaultExceptionHandler = false });
        }
        catch (Exception e) when (BadInputMessage(e) is { } message)
        {
            stderr.WriteLine(ErrorLine.Of(message));
            return ExitCodes.BadInput;
        }
    }

    /// <summary>
    /// The one mapping from an exception to bad input (exit 2): what the user gave was wrong, and
    /// the message says where. Anything else is a failure of the tool and propagates (exit 1 or a
    /// crash report), never dressed up as the user's mistake.
    /// </summary>
    internal static string? BadInputMessage(Exception error) => error switch
    {
        // An argument check of a library names its parameter; the message already says what was wrong.
        ArgumentException { ParamName: { } name } a => a.Message.Replace($" (Parameter '{name}')", string.Empty, StringComparison.Ordinal),
        ArgumentException or UsageException or DatasetFormatException or ModelSchemaMismatchException
            or FileNotFoundException or DirectoryNotFoundException or InvalidDataException => error.Message,
        _ => null,
    };

    // A base address that ends in '/', so the API path is appended to a Prometheus served under a prefix.
    private static HttpClient PrometheusClient(Uri url) => new()
    {
        BaseAddress = url.AbsoluteUri.EndsWith('/') ? url : new Uri(url.AbsoluteUri + "/"),
        Timeout = TimeSpan.FromSeconds(30),
    };
}
