using GpuPool.Core.Policies;
using GpuPool.Core.Prediction;
using GpuPool.Operator.Hosting;
using GpuPool.Operator.Ports;
using GpuPool.Operator.Scheduling;
using GpuPool.Operator.Telemetry;
using GpuPool.Operator.Tests.Builders;
using GpuPool.Operator.Watching;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Prometheus;

namespace GpuPool.Operator.Tests.Fakes;

/// <summary>
/// One operator "process" against a cluster port: its own cache, watchers and scheduler, the real
/// GpuPool policy, a fake clock. <see cref="RestartAsync"/> throws the process away and starts a
/// fresh one on the same cluster, as a crash and a pod restart would.
/// </summary>
public sealed class OperatorHarness : IAsyncDisposable
{
    private readonly IClusterPort _port;
    private readonly IPairPredictor _predictor;
    private readonly OperatorOptions _options;
    private CancellationTokenSource _stop = new();
    private readonly TimeProvider _clock;
    private List<Task> _watchers = [];

    public OperatorHarness(IClusterPort port, IPairPredictor? predictor = null, Action<OperatorOptions>? configure = null, TimeProvider? clock = null)
    {
        _clock = clock ?? Time;
        _port = port;
        _predictor = predictor ?? new PairTablePredictor();
        _options = new OperatorOptions { ApiRetry = new ApiRetryOptions { MaxRetries = 3, BaseDelaySeconds = 0 }, PlacementKey = PlacementKey };
        configure?.Invoke(_options);
        Scheduler = Create();
    }

    /// <summary>The key every harness seals its pods with, as the product always does (tests forge pods without it).</summary>
    public const string PlacementKey = "test-placement-key-0123456789abcdef";

    public FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 1, 5, 9, 0, 0, TimeSpan.Zero));

    public OperatorMetrics Metrics { get; } = new(Prometheus.Metrics.NewCustomRegistry());

    public ListObservationSink Observations { get; } = new();

    public Scheduler Scheduler { get; private set; }

    public ClusterCache Cache => Scheduler.Cache;

    /// <summary>A started harness; <paramref name="clock"/> replaces the fake clock (benches measure real time).</summary>
    public static async Task<OperatorHarness> StartAsync(IClusterPort port, IPairPredictor? predictor = null, Action<OperatorOptions>? configure = null, TimeProvider? clock = null)
    {
        var harness = new OperatorHarness(port, predictor, configure, clock);
        harness.StartWatchers();
        await SettleAsync(() => harness.Scheduler.IsSynced);
        return harness;
    }

    /// <summary>Waits for the watches to deliver, then runs one window.</summary>
    public async Task<WindowReport> WindowAsync(FakeCluster? settleAgainst = null)
    {
        if (settleAgainst is not null)
        {
            await SettleAsync(() => settleAgainst.IsSeenBy(Cache));
        }

        return await Scheduler.Window.RunAsync(_stop.Token);
    }

    /// <summary>Runs windows until nothing is left to plan (or <paramref name="max"/> windows), swallowing simulated crashes by restarting.</summary>
    public async Task RunToQuietAsync(FakeCluster cluster, int max = 10)
    {
        for (var i = 0; i < max; i++)
        {
            try
            {
                var report = await WindowAsync(cluster);
                if (report.Planned == 0 && report.Rejected == 0)
                {
                    return;
                }
            }
            catch (SimulatedCrashException)
            {
                await RestartAsync();
            }
        }
    }

    public async Task RestartAsync()
    {
        await StopWatchersAsync();
        Scheduler.Dispose();
        _stop.Dispose();
        _stop = new CancellationTokenSource();
        Scheduler = Create();
        StartWatchers();
        await SettleAsync(() => Scheduler.IsSynced);
    }

    public static async Task SettleAsync(Func<bool> done)
    {
        ArgumentNullException.ThrowIfNull(done);
        for (var i = 0; i < 500 && !done(); i++)
        {
            await Task.Delay(10);
        }

        Assert.True(done(), "the watch cache did not converge within 5 s");
    }

    public async ValueTask DisposeAsync()
    {
        await StopWatchersAsync();
        Scheduler.Dispose();
        _stop.Dispose();
    }

    private Scheduler Create() => new(
        _port,
        new ClusterCache(),
        MatchingPolicy.GpuPool(_predictor, new PairingRule(_options.Delta, PairingRule.DefaultSettings)),
        Observations,
        Metrics,
        _options,
        _clock,
        NullLoggerFactory.Instance,
        new WatchBackoff(TimeSpan.Zero, TimeSpan.Zero));

    private void StartWatchers() => _watchers = [.. Scheduler.Watchers.Select(w => Task.Run(() => w(_stop.Token)))];

    private async Task StopWatchersAsync()
    {
        await _stop.CancelAsync();
        await Task.WhenAll(_watchers);
    }
}
