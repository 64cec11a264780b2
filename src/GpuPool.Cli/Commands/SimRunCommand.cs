using System.CommandLine;
using GpuPool.Cli.SimRun;
using Grpc.Core;

namespace GpuPool.Cli.Commands;

/// <summary><c>gpupool sim-run</c>: the process inside a simulated GpuJob's container.</summary>
internal static class SimRunCommand
{
    public const int BadInput = 2;

    public static Command Create(Func<string, string?> environment)
    {
        var workload = new Option<FileInfo?>("--workload") { Description = $"Workload JSON file (default: env {SimRunSettings.WorkloadVariable})." };
        var share = new Option<double?>("--share") { Description = $"This job's share of each SM, in (0, 1] (default: env {SimRunSettings.ShareVariable})." };
        var gpu = new Option<string?>("--gpu") { Description = $"Simulated GPU UUID (default: env {SimRunSettings.GpuVariable})." };
        var socket = new Option<string?>("--emulator-socket") { Description = $"Emulator unix socket (default: env {SimRunSettings.SocketVariable})." };
        var terminationLog = new Option<string>("--termination-log")
        {
            Description = "Where the result JSON goes (the container's termination message).",
            DefaultValueFactory = _ => "/dev/termination-log",
        };
        // The emulator lives in the device plugin, which may be restarting while the kubelet
        // starts containers it has already allocated: wait for it, as a CUDA process waits for
        // its MPS daemon, but not forever.
        var emulatorWait = new Option<double>("--emulator-wait")
        {
            Description = "Seconds to wait for the emulator to answer before the job is registered.",
            DefaultValueFactory = _ => 60,
        };
        emulatorWait.Validators.Add(r =>
        {
            if (r.GetValueOrDefault<double>() is not (>= 1 and <= 3600))
            {
                r.AddError("--emulator-wait must be between 1 and 3600 seconds.");
            }
        });
        var command = new Command("sim-run", "Run this pod's workload on the node's GPU emulator and report its measured NP.")
        {
            workload, share, gpu, socket, terminationLog, emulatorWait,
        };
        command.SetAction(async (parsed, cancellationToken) =>
        {
            var output = parsed.InvocationConfiguration.Output;
            try
            {
                var settings = SimRunSettings.Resolve(
                    parsed.GetValue(workload), parsed.GetValue(share), parsed.GetValue(gpu), parsed.GetValue(socket), parsed.GetValue(terminationLog)!, environment);
                await new SimRunner(output, TimeSpan.FromSeconds(parsed.GetValue(emulatorWait))).RunAsync(settings, cancellationToken).ConfigureAwait(false);
                return 0;
            }
            catch (Exception e) when (e is FormatException or InvalidOperationException or IOException or UnauthorizedAccessException or RpcException)
            {
                await parsed.InvocationConfiguration.Error.WriteLineAsync($"sim-run: {Describe(e)}").ConfigureAwait(false);
                return BadInput;
            }
        });
        return command;
    }

    private static string Describe(Exception e) => e switch
    {
        RpcException { StatusCode: StatusCode.Unavailable } rpc => $"the GPU emulator is unreachable ({rpc.Status.Detail}).",
        RpcException rpc => $"the GPU emulator refused the job: {rpc.StatusCode}: {rpc.Status.Detail}",
        _ => e.Message,
    };
}
