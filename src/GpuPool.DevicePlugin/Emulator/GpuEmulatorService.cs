using GpuPool.Contracts.Emulator.V1;
using GpuPool.Core.Metrics;
using GpuPool.Emulator;
using Grpc.Core;
using Microsoft.Extensions.Logging;

namespace GpuPool.DevicePlugin.Emulator;

/// <summary>The emulator's gRPC face: one RunJob call is one job, alive while the call is open.</summary>
public sealed partial class GpuEmulatorService(NodeEmulator emulator, ILogger<GpuEmulatorService> logger) : GpuPool.Contracts.Emulator.V1.GpuEmulator.GpuEmulatorBase
{
    public override async Task RunJob(RunJobRequest request, IServerStreamWriter<JobEvent> responseStream, ServerCallContext context)
    {
        ArgumentNullException.ThrowIfNull(responseStream);
        ArgumentNullException.ThrowIfNull(context);
        var job = RunJobRequestMapper.ToJob(request);
        var notices = emulator.Join(job, request.GpuUuid);
        LogJoined(job.Id, request.GpuUuid, job.Share);
        try
        {
            await foreach (var notice in notices.ReadAllAsync(context.CancellationToken).ConfigureAwait(false))
            {
                await responseStream.WriteAsync(ToEvent(notice, request.GpuUuid), context.CancellationToken).ConfigureAwait(false);
                if (notice.Kind == EmulatorNoticeKind.Failed)
                {
                    throw new RpcException(new Status(StatusCode.Internal, notice.Message));
                }

                if (notice.Kind == EmulatorNoticeKind.Finished)
                {
                    LogFinished(job.Id, notice.ElapsedSeconds, job.IsolatedSeconds / notice.ElapsedSeconds);
                    return;
                }
            }
        }
        finally
        {
            emulator.Leave(job);
        }
    }

    public override Task<ListGpusResponse> ListGpus(ListGpusRequest request, ServerCallContext context)
    {
        var response = new ListGpusResponse();
        response.Gpus.AddRange(emulator.Gpus().Select(g => new GpuSummary { Index = g.Device.Index, Uuid = g.Device.Uuid, Model = g.Device.Model, Jobs = g.Jobs }));
        return Task.FromResult(response);
    }

    private static JobEvent ToEvent(EmulatorNotice notice, string gpuUuid) => notice.Kind switch
    {
        EmulatorNoticeKind.Started => new JobEvent { Started = new Started { GpuUuid = gpuUuid, CoRunners = { CoRunners(notice) } } },
        EmulatorNoticeKind.Finished => new JobEvent
        {
            Finished = new Finished
            {
                IsolatedSeconds = notice.Job.IsolatedSeconds,
                SharedSeconds = notice.ElapsedSeconds,
                MeasuredNp = Throughput.NormalizedProgress(notice.Job.IsolatedSeconds, notice.ElapsedSeconds),
            },
        },
        _ => new JobEvent
        {
            Progress = new Progress
            {
                IterationsDone = notice.IterationsDone,
                Iterations = notice.Job.Iterations,
                SimulatedSeconds = notice.ElapsedSeconds,
                Rate = notice.Rate,
                CoRunner = notice.CoRunner,
            },
        },
    };

    private static IEnumerable<string> CoRunners(EmulatorNotice notice) => notice.CoRunner.Length > 0 ? [notice.CoRunner] : [];

    [LoggerMessage(Level = LogLevel.Information, Message = "Job {Job} joined GPU {Uuid} with share {Share}.")]
    private partial void LogJoined(string job, string uuid, double share);

    [LoggerMessage(Level = LogLevel.Information, Message = "Job {Job} finished after {SharedSeconds} simulated seconds, NP {Np}.")]
    private partial void LogFinished(string job, double sharedSeconds, double np);
}
