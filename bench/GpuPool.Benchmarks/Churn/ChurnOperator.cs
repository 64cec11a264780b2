using GpuPool.Core.Caching;
using GpuPool.Operator.Hosting;
using GpuPool.Operator.Ports;
using GpuPool.Operator.Scheduling;
using GpuPool.Operator.Telemetry;
using GpuPool.Operator.Tests.Fakes;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace GpuPool.Benchmarks.Churn;

/// <summary>
/// The operator as its host composes it (<see cref="OperatorServiceCollectionExtensions.AddGpuPoolOperator"/>,
/// default options: the embedded model, the bounded caches) on the in-memory cluster port, with its
/// watchers running; the bench runs the windows itself instead of the timed loop.
/// </summary>
internal sealed class ChurnOperator : IAsyncDisposable
{
    private readonly ServiceProvider _services;
    private readonly CancellationTokenSource _stop = new();
    private readonly List<Task> _watchers;

    private ChurnOperator(ServiceProvider services)
    {
        _services = services;
        Scheduler = services.GetRequiredService<Scheduler>();
        Metrics = services.GetRequiredService<OperatorMetrics>();
        _watchers = [.. Scheduler.Watchers.Select(w => Task.Run(() => w(_stop.Token)))];
    }

    public Scheduler Scheduler { get; }

    public OperatorMetrics Metrics { get; }

    public static async Task<ChurnOperator> StartAsync(FakeCluster cluster)
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton<IClusterPort>(cluster);
        // Default options but the one without a default: the seal's key (the tests' key).
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection([new("GpuPool:Operator:PlacementKey", OperatorHarness.PlacementKey)])
            .Build();
        services.AddGpuPoolOperator(configuration);
        var started = new ChurnOperator(services.BuildServiceProvider());
        await OperatorHarness.SettleAsync(() => started.Scheduler.IsSynced);
        return started;
    }

    /// <summary>The cache gauges (gpupool_cache_entries) as the last window left them.</summary>
    public IReadOnlyList<CacheSize> CacheEntries() =>
        [.. Metrics.CacheEntries.GetAllLabelValues().Select(l => new CacheSize(l[0], (long)Metrics.CacheEntries.WithLabels(l).Value)).OrderBy(s => s.Part, StringComparer.Ordinal)];

    /// <summary>Caches dropped at their bound so far (gpupool_cache_resets_total, all caches).</summary>
    public long CacheResets() =>
        (long)Metrics.CacheResets.GetAllLabelValues().Sum(l => Metrics.CacheResets.WithLabels(l).Value);

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await Task.WhenAll(_watchers);
        await _services.DisposeAsync();
        _stop.Dispose();
    }
}
