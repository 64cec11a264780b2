using System.Threading.Channels;
using GpuPool.DevicePlugin.Devices;
using GpuPool.DevicePlugin.Options;
using GpuPool.Emulator;
using Grpc.Core;
using Microsoft.Extensions.Options;

namespace GpuPool.DevicePlugin.Emulator;

/// <summary>
/// Every simulated GPU of this node, and the loop that moves them through simulated time. Clients
/// join and leave from gRPC calls; <see cref="RunAsync"/> wakes at the next kernel boundary of any
/// GPU (or when a job joins or leaves) and hands each job its notices through its own channel.
/// </summary>
public sealed class NodeEmulator
{
    private readonly Dictionary<string, EmulatedGpu> _gpus = new(StringComparer.Ordinal);
    private readonly Dictionary<EmulatedJob, Channel<EmulatorNotice>> _listeners = [];
    private readonly Channel<bool> _wake = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });
    private readonly Lock _gate = new();
    private readonly DeviceInventory _inventory;
    private readonly EmulatedGpuFactory _factory;

    public NodeEmulator(DeviceInventory inventory, EmulatedGpuFactory factory, IOptions<DevicePluginOptions> options, TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(options);
        _inventory = inventory;
        _factory = factory;
        Clock = new EmulatorClock(timeProvider, options.Value.EmulatorTimeScale);
    }

    public EmulatorClock Clock { get; }

    /// <summary>Puts <paramref name="job"/> on GPU <paramref name="uuid"/> now; refuses with a gRPC status.</summary>
    public ChannelReader<EmulatorNotice> Join(EmulatedJob job, string uuid)
    {
        ArgumentNullException.ThrowIfNull(job);
        var listener = Channel.CreateUnbounded<EmulatorNotice>(new UnboundedChannelOptions { SingleReader = true });
        lock (_gate)
        {
            var gpu = GpuFor(uuid);
            List<EmulatorNotice> notices;
            try
            {
                notices = gpu.Join(job, Clock.Now);
            }
            catch (InvalidOperationException e)
            {
                throw new RpcException(new Status(StatusCode.FailedPrecondition, e.Message));
            }
            catch (ArgumentException e)
            {
                throw new RpcException(new Status(StatusCode.InvalidArgument, e.Message));
            }

            _listeners[job] = listener;
            Dispatch(notices);
        }

        _wake.Writer.TryWrite(true);
        return listener.Reader;
    }

    /// <summary>Takes <paramref name="job"/> off its GPU if it is still there (its client left early).</summary>
    public void Leave(EmulatedJob job)
    {
        lock (_gate)
        {
            if (_listeners.Remove(job, out var listener))
            {
                listener.Writer.TryComplete();
                var gpu = _gpus.Values.FirstOrDefault(g => g.Jobs.Contains(job));
                if (gpu is not null)
                {
                    Dispatch(gpu.Leave(job, Clock.Now));
                }
            }
        }

        _wake.Writer.TryWrite(true);
    }

    /// <summary>The GPUs and how many jobs each runs.</summary>
    public IReadOnlyList<(GpuDevice Device, int Jobs)> Gpus()
    {
        lock (_gate)
        {
            return _inventory.Devices.Select(d => (d, _gpus.TryGetValue(d.Uuid, out var gpu) ? gpu.Jobs.Count : 0)).ToList();
        }
    }

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            double? next;
            lock (_gate)
            {
                var now = Clock.Now;
                foreach (var gpu in _gpus.Values)
                {
                    Dispatch(gpu.AdvanceTo(now));
                }

                next = _gpus.Values.Select(g => g.NextEventAt).Where(t => t is not null).Min();
            }

            using var wait = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            var woken = _wake.Reader.WaitToReadAsync(wait.Token).AsTask();
            var tasks = next is { } at ? new[] { woken, Task.Delay(Clock.WaitUntil(at), Clock.TimeProvider, wait.Token) } : [woken];
            await Task.WhenAny(tasks).ConfigureAwait(false);
            await wait.CancelAsync().ConfigureAwait(false);
            _wake.Reader.TryRead(out _);
        }
    }

    private EmulatedGpu GpuFor(string uuid)
    {
        if (_gpus.TryGetValue(uuid, out var known))
        {
            return known;
        }

        var device = _inventory.Devices.FirstOrDefault(d => d.Uuid == uuid)
            ?? throw new RpcException(new Status(StatusCode.NotFound, $"GPU '{uuid}' is not a simulated GPU of this node."));
        if (!device.Healthy)
        {
            throw new RpcException(new Status(StatusCode.FailedPrecondition, $"GPU '{uuid}' is unhealthy."));
        }

        var gpu = _factory.Create(device.Index, device.Uuid);
        _gpus[uuid] = gpu;
        return gpu;
    }

    private void Dispatch(List<EmulatorNotice> notices)
    {
        foreach (var notice in notices)
        {
            if (_listeners.TryGetValue(notice.Job, out var listener))
            {
                listener.Writer.TryWrite(notice);
                if (notice.Kind is EmulatorNoticeKind.Finished or EmulatorNoticeKind.Failed)
                {
                    listener.Writer.TryComplete();
                    _listeners.Remove(notice.Job);
                }
            }
        }
    }
}
