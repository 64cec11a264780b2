using System.Globalization;
using System.Net.Sockets;
using System.Text.Json;
using GpuPool.DevicePlugin.Kubelet;
using GpuPool.Emulator.V1;
using Grpc.Core;
using Polly;
using Polly.Retry;
using Polly.Timeout;

namespace GpuPool.Cli.SimRun;

/// <summary>
/// Runs one workload on the node's GPU emulator: registers it, prints progress as the emulator
/// reports it, and on completion prints <c>measured-np=</c> and writes the termination log.
/// </summary>
/// <param name="output">Where progress goes.</param>
/// <param name="emulatorWait">How long to wait for the emulator to answer before the job is registered.</param>
internal sealed class SimRunner(TextWriter output, TimeSpan emulatorWait)
{
    public async Task<SimRunResult> RunAsync(SimRunSettings settings, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var workload = settings.Workload;
        await output.WriteLineAsync(Invariant(
            $"sim-run: job {workload.Job} on GPU {settings.GpuUuid}, share {settings.Share}, {workload.Iterations} iterations of {workload.Kernels.Count} kernels ({workload.IsolatedSeconds:0.###} s isolated)")).ConfigureAwait(false);

        using var channel = UnixSocketChannel.Create(settings.EmulatorSocket);
        await WaitForEmulatorAsync(settings.EmulatorSocket, cancellationToken).ConfigureAwait(false);
        var client = new GpuEmulator.GpuEmulatorClient(channel);
        using var call = client.RunJob(ToRequest(settings), cancellationToken: cancellationToken);
        await foreach (var message in call.ResponseStream.ReadAllAsync(cancellationToken).ConfigureAwait(false))
        {
            switch (message.KindCase)
            {
                case JobEvent.KindOneofCase.Started:
                    var partners = message.Started.CoRunners.Count == 0 ? "alone" : "beside " + string.Join(", ", message.Started.CoRunners);
                    await output.WriteLineAsync($"started: {partners}").ConfigureAwait(false);
                    break;
                case JobEvent.KindOneofCase.Progress:
                    var p = message.Progress;
                    var partner = p.CoRunner.Length == 0 ? "alone" : "beside " + p.CoRunner;
                    await output.WriteLineAsync(Invariant($"progress: {p.IterationsDone}/{p.Iterations} iterations, {p.SimulatedSeconds:0.000} s simulated, rate {p.Rate:0.000} {partner}")).ConfigureAwait(false);
                    break;
                case JobEvent.KindOneofCase.Finished:
                    return await FinishAsync(message.Finished, settings, cancellationToken).ConfigureAwait(false);
                default:
                    break;
            }
        }

        throw new InvalidOperationException("The emulator ended the job's stream before it finished.");
    }

    /// <summary>Polls the emulator's socket until it accepts a connection, for at most the wait.</summary>
    private async Task WaitForEmulatorAsync(string socketPath, CancellationToken cancellationToken)
    {
        var pipeline = new ResiliencePipelineBuilder()
            .AddTimeout(emulatorWait)
            .AddRetry(new RetryStrategyOptions
            {
                ShouldHandle = new PredicateBuilder().Handle<SocketException>(),
                MaxRetryAttempts = int.MaxValue,
                Delay = TimeSpan.FromMilliseconds(500),
                BackoffType = DelayBackoffType.Constant,
            })
            .Build();
        try
        {
            await pipeline.ExecuteAsync(
                async ct =>
                {
                    using var socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
                    await socket.ConnectAsync(new UnixDomainSocketEndPoint(socketPath), ct).ConfigureAwait(false);
                },
                cancellationToken).ConfigureAwait(false);
        }
        catch (TimeoutRejectedException)
        {
            throw new InvalidOperationException(Invariant($"the GPU emulator is unreachable: nothing answered at {socketPath} within {emulatorWait.TotalSeconds:0.#} s."));
        }
    }

    private async Task<SimRunResult> FinishAsync(Finished finished, SimRunSettings settings, CancellationToken cancellationToken)
    {
        var result = new SimRunResult(finished.MeasuredNp, finished.IsolatedSeconds, finished.SharedSeconds, settings.GpuUuid, settings.Share);
        await output.WriteLineAsync(Invariant($"finished: {result.IsolatedSeconds:0.000} s isolated, {result.SharedSeconds:0.000} s shared")).ConfigureAwait(false);
        await output.WriteLineAsync(Invariant($"measured-np={result.MeasuredNp:0.######}")).ConfigureAwait(false);
        await File.WriteAllTextAsync(settings.TerminationLog, JsonSerializer.Serialize(result), cancellationToken).ConfigureAwait(false);
        return result;
    }

    private static RunJobRequest ToRequest(SimRunSettings settings)
    {
        var request = new RunJobRequest
        {
            Job = settings.Workload.Job,
            GpuUuid = settings.GpuUuid,
            Share = settings.Share,
            Iterations = settings.Workload.Iterations,
        };
        foreach (var kernel in settings.Workload.Kernels)
        {
            var geometry = kernel.Geometry;
            request.Kernels.Add(new Kernel
            {
                Id = kernel.Id,
                IsolatedSeconds = kernel.IsolatedSeconds,
                GridBlocks = geometry.GridBlocks,
                ThreadsPerBlock = geometry.ThreadsPerBlock,
                RegistersPerThread = geometry.RegistersPerThread,
                SharedMemoryPerBlockBytes = geometry.SharedMemoryPerBlockBytes,
                Counters = { kernel.Counters.ToDictionary() },
            });
        }

        return request;
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
