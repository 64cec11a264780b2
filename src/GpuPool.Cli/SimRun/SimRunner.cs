using System.Globalization;
using System.Net.Sockets;
using System.Text.Json;
using GpuPool.Contracts.Emulator;
using GpuPool.Contracts.Emulator.V1;
using Grpc.Core;
using Polly;
using Polly.Retry;
using Polly.Timeout;

namespace GpuPool.Cli.SimRun;

/// <summary>
/// Runs one workload on the node's GPU emulator: registers it, prints progress as the emulator
/// reports it, and on completion prints <c>measured-np=</c> and writes the termination log. When
/// the emulator goes away mid-run (its device plugin restarted) the job resumes where it last
/// reported progress, as a job on a real GPU runs on through a plugin restart.
/// </summary>
/// <param name="output">Where progress goes.</param>
/// <param name="emulatorWait">How long to wait for the emulator to answer before the job is registered.</param>
internal sealed class SimRunner(TextWriter output, TimeSpan emulatorWait)
{
    /// <summary>Times a job resumes after the emulator went away (a device-plugin restart each).</summary>
    private const int MaxEmulatorRestarts = 5;

    public async Task<SimRunResult> RunAsync(SimRunSettings settings, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var workload = settings.Workload;
        await output.WriteLineAsync(Invariant(
            $"sim-run: job {workload.Job} on GPU {settings.GpuUuid}, share {settings.Share}, {workload.Iterations} iterations of {workload.Kernels.Count} kernels ({workload.IsolatedSeconds:0.###} s isolated)")).ConfigureAwait(false);

        using var channel = UnixSocketChannel.Create(settings.EmulatorSocket);
        var client = new GpuEmulator.GpuEmulatorClient(channel);
        var resumed = new Segment(0, 0);
        for (var restarts = 0; ; restarts++)
        {
            await WaitForEmulatorAsync(settings.EmulatorSocket, cancellationToken).ConfigureAwait(false);
            var segment = new Segment(0, 0);
            try
            {
                var finished = await RunSegmentAsync(client, settings, workload.Iterations - resumed.Iterations, s => segment = s, cancellationToken).ConfigureAwait(false);
                return await FinishAsync(finished, settings, resumed, cancellationToken).ConfigureAwait(false);
            }
            catch (RpcException e) when (IsEmulatorGone(e) && restarts < MaxEmulatorRestarts)
            {
                // The emulator lives in the device plugin, and a plugin restart takes it down. A real GPU
                // keeps running through one, so the job resumes from its last progress report: work
                // after it is done again, and only the time up to it is counted.
                resumed = new Segment(resumed.Iterations + segment.Iterations, resumed.SimulatedSeconds + segment.SimulatedSeconds);
                await output.WriteLineAsync(Invariant(
                    $"emulator went away ({e.StatusCode}); resuming after {resumed.Iterations}/{workload.Iterations} iterations, {resumed.SimulatedSeconds:0.000} s simulated")).ConfigureAwait(false);
            }
        }
    }

    private async Task<Finished> RunSegmentAsync(GpuEmulator.GpuEmulatorClient client, SimRunSettings settings, int iterations, Action<Segment> progressed, CancellationToken cancellationToken)
    {
        using var call = client.RunJob(ToRequest(settings, iterations), cancellationToken: cancellationToken);
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
                    progressed(new Segment(p.IterationsDone, p.SimulatedSeconds));
                    var partner = p.CoRunner.Length == 0 ? "alone" : "beside " + p.CoRunner;
                    await output.WriteLineAsync(Invariant($"progress: {p.IterationsDone}/{p.Iterations} iterations, {p.SimulatedSeconds:0.000} s simulated, rate {p.Rate:0.000} {partner}")).ConfigureAwait(false);
                    break;
                case JobEvent.KindOneofCase.Finished:
                    return message.Finished;
                default:
                    break;
            }
        }

        throw new RpcException(new Status(StatusCode.Unavailable, "the emulator ended the job's stream before it finished"));
    }

    private static bool IsEmulatorGone(RpcException e) => e.StatusCode is StatusCode.Unavailable or StatusCode.Internal or StatusCode.Unknown or StatusCode.Aborted;

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

    /// <summary>NP over the whole job: every iteration's isolated time over the time of every segment.</summary>
    private async Task<SimRunResult> FinishAsync(Finished finished, SimRunSettings settings, Segment resumed, CancellationToken cancellationToken)
    {
        var iterations = settings.Workload.Iterations;
        var isolated = resumed.Iterations == 0 ? finished.IsolatedSeconds : finished.IsolatedSeconds * iterations / (iterations - resumed.Iterations);
        var shared = resumed.SimulatedSeconds + finished.SharedSeconds;
        var np = resumed.Iterations == 0 ? finished.MeasuredNp : isolated / shared;
        var result = new SimRunResult(np, isolated, shared, settings.GpuUuid, settings.Share);
        await output.WriteLineAsync(Invariant($"finished: {result.IsolatedSeconds:0.000} s isolated, {result.SharedSeconds:0.000} s shared")).ConfigureAwait(false);
        await output.WriteLineAsync(Invariant($"measured-np={result.MeasuredNp:0.######}")).ConfigureAwait(false);
        await File.WriteAllTextAsync(settings.TerminationLog, JsonSerializer.Serialize(result), cancellationToken).ConfigureAwait(false);
        return result;
    }

    private static RunJobRequest ToRequest(SimRunSettings settings, int iterations)
    {
        var request = new RunJobRequest
        {
            Job = settings.Workload.Job,
            GpuUuid = settings.GpuUuid,
            Share = settings.Share,
            Iterations = iterations,
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

    /// <summary>Iterations done and simulated seconds spent, as of a progress report.</summary>
    private readonly record struct Segment(int Iterations, double SimulatedSeconds);

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
