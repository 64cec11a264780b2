using System.Globalization;
using GpuPool.Contracts;

namespace GpuPool.Cli.SimRun;

/// <summary>
/// Everything sim-run needs, from options first and the environment the device plugin and the pod
/// template set second. Missing or malformed values fail naming the option and the variable.
/// </summary>
internal sealed record SimRunSettings(Workload Workload, string GpuUuid, double Share, string EmulatorSocket, string TerminationLog)
{
    public const string WorkloadVariable = ContainerEnv.Workload;
    public const string GpuVariable = ContainerEnv.GpuUuid;
    public const string ShareVariable = ContainerEnv.Share;
    public const string SocketVariable = ContainerEnv.EmulatorSocket;

    public static SimRunSettings Resolve(
        FileInfo? workloadFile,
        double? share,
        string? gpu,
        string? emulatorSocket,
        string terminationLog,
        Func<string, string?> environment)
    {
        ArgumentNullException.ThrowIfNull(environment);

        // 1. The workload: --workload FILE, else the annotation mapped into GPUPOOL_WORKLOAD.
        Workload workload;
        if (workloadFile is not null)
        {
            if (!workloadFile.Exists)
            {
                throw new FormatException($"--workload: file '{workloadFile.FullName}' does not exist.");
            }

            workload = WorkloadParser.Parse(File.ReadAllText(workloadFile.FullName), workloadFile.FullName);
        }
        else
        {
            var json = environment(WorkloadVariable);
            workload = string.IsNullOrWhiteSpace(json)
                ? throw new FormatException($"No workload: pass --workload FILE or set {WorkloadVariable}.")
                : WorkloadParser.Parse(json, WorkloadVariable);
        }

        // 2. Where it runs and with what share.
        var uuid = Required(gpu, "--gpu", GpuVariable, environment);
        var socket = Required(emulatorSocket, "--emulator-socket", SocketVariable, environment);
        var resolvedShare = share ?? ParseShare(Required(null, "--share", ShareVariable, environment));
        if (!(resolvedShare > 0 && resolvedShare <= 1))
        {
            throw new FormatException($"--share / {ShareVariable}: {resolvedShare.ToString(CultureInfo.InvariantCulture)} is not in (0, 1].");
        }

        return new SimRunSettings(workload, uuid, resolvedShare, socket, terminationLog);
    }

    private static string Required(string? option, string optionName, string variable, Func<string, string?> environment)
    {
        var value = option ?? environment(variable);
        return string.IsNullOrWhiteSpace(value) ? throw new FormatException($"Missing {optionName} (or env {variable}).") : value;
    }

    private static double ParseShare(string text) =>
        double.TryParse(text, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw new FormatException($"{ShareVariable}: '{text}' is not a decimal number.");
}
