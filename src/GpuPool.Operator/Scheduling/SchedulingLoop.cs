using System.Threading.Channels;
using GpuPool.Operator.Telemetry;
using GpuPool.Operator.Watching;
using Microsoft.Extensions.Logging;

namespace GpuPool.Operator.Scheduling;

/// <summary>
/// Runs a <see cref="SchedulingWindow"/> every WindowSeconds, or at once when the jobs waiting reach
/// BatchLimit. A window that throws is logged and counted, and the loop goes on. Each pass of the
/// loop is a heartbeat (<see cref="LastBeat"/>) that /healthz reads while the loop runs.
/// </summary>
public sealed partial class SchedulingLoop : ILoopHeartbeat, IDisposable
{
    private readonly SchedulingWindow _window;
    private readonly ClusterCache _cache;
    private readonly TimeSpan _period;
    private readonly int _batchLimit;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly OperatorMetrics _metrics;
    private readonly Channel<bool> _jobsChanged = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });

    public SchedulingLoop(SchedulingWindow window, ClusterCache cache, TimeSpan period, int batchLimit, OperatorMetrics metrics, TimeProvider time, ILogger logger)
    {
        _metrics = metrics;
        _window = window;
        _cache = cache;
        _period = period;
        _batchLimit = batchLimit;
        _time = time;
        _logger = logger;
        _cache.Jobs.Changed += OnJobsChanged;
    }

    /// <summary>Windows run so far.</summary>
    public int Windows { get; private set; }

    public TimeSpan Period => _period;

    public bool Running { get; private set; }

    public DateTimeOffset? LastBeat { get; private set; }

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        using var timer = new PeriodicTimer(_period, _time);
        var tick = timer.WaitForNextTickAsync(cancellationToken).AsTask();
        var changed = _jobsChanged.Reader.ReadAsync(cancellationToken).AsTask();
        Running = true;
        try
        {
            await LoopAsync(timer, tick, changed, cancellationToken);
        }
        finally
        {
            Running = false;
            LastBeat = null;
        }
    }

    public void Dispose() => _cache.Jobs.Changed -= OnJobsChanged;

    private async Task LoopAsync(PeriodicTimer timer, Task<bool> tick, Task<bool> changed, CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            LastBeat = _time.GetUtcNow();
            try
            {
                var fired = await Task.WhenAny(tick, changed);
                await fired;
                if (fired == tick)
                {
                    tick = timer.WaitForNextTickAsync(cancellationToken).AsTask();
                }
                else
                {
                    changed = _jobsChanged.Reader.ReadAsync(cancellationToken).AsTask();
                    if (FreshJobs() < _batchLimit)
                    {
                        continue;
                    }
                }

                var report = await _window.RunAsync(cancellationToken);
                Windows++;
                LogWindow(report.Planned, report.Bound, report.Waiting, report.Rejected, report.PairsFormed);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                return;
            }
#pragma warning disable CA1031 // One failed window must not stop scheduling.
            catch (Exception e)
#pragma warning restore CA1031
            {
                _metrics.WindowFailures.Inc();
                LogWindowFailed(e);
            }
        }
    }

    /// <summary>Called on every job change: only wakes the loop (coalesced), which then counts once.</summary>
    private void OnJobsChanged(object? sender, EventArgs e) => _jobsChanged.Writer.TryWrite(true);

    /// <summary>
    /// Jobs no window has seen yet (no status, no pod): only these start a window early, so jobs
    /// already waiting for a GPU do not start window after window.
    /// </summary>
    private int FreshJobs()
    {
        var owned = _cache.Pods.Snapshot().Select(JobOwnership.JobKeyOf).ToHashSet(StringComparer.Ordinal);
        return _cache.Jobs.Snapshot().Count(j => j.Status is null && !owned.Contains(j.Key));
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Window: {Planned} planned, {Bound} bound, {Waiting} waiting, {Rejected} rejected, {Pairs} pairs formed")]
    private partial void LogWindow(int planned, int bound, int waiting, int rejected, int pairs);

    [LoggerMessage(Level = LogLevel.Error, Message = "Window failed; the next one retries")]
    private partial void LogWindowFailed(Exception error);
}
