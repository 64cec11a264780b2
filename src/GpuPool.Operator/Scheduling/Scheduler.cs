using GpuPool.Core.Caching;
using GpuPool.Core.Policies;
using GpuPool.Operator.Hosting;
using GpuPool.Operator.Ports;
using GpuPool.Operator.Resilience;
using GpuPool.Operator.Telemetry;
using GpuPool.Operator.Watching;
using Microsoft.Extensions.Logging;

namespace GpuPool.Operator.Scheduling;

/// <summary>
/// The scheduling object graph, composed once for the host and for the tests: watchers that fill
/// the cache, the window, and the loop that runs it. <c>predictionCaches</c> are the policy's
/// caches, trimmed to their bounds before each window's plan and reported as gauges.
/// </summary>
public sealed class Scheduler : IDisposable
{
    public Scheduler(
        IClusterPort port,
        ClusterCache cache,
        ISharingPolicy policy,
        IObservationSink observations,
        OperatorMetrics metrics,
        OperatorOptions options,
        TimeProvider time,
        ILoggerFactory loggers,
        WatchBackoff? backoff = null,
        IReadOnlyList<IBoundedCache>? predictionCaches = null)
    {
        ArgumentNullException.ThrowIfNull(port);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(loggers);
        Cache = cache;
        var logger = loggers.CreateLogger("GpuPool.Operator.Scheduler");
        // Sealing is not optional: a cluster where any pod's gpupool.io annotations are believed lets
        // a user pick a partner's GPU and share (validation requires the key).
        port = new SealingClusterPort(port, new PlacementSeal(options.PlacementKey, options.ResourcePrefix, options.PreviousPlacementKey), metrics.UnverifiedPods, logger);

        var writer = new ApiWriter(options.ApiRetry, metrics, time);
        var jobs = new JobWriter(port, writer, cache, metrics, time, logger);
        var requeueBackoff = new RequeueBackoff(TimeSpan.FromSeconds(options.RequeueBackoffSeconds), TimeSpan.FromSeconds(options.RejectedHoldSeconds));
        var rejections = new RejectedWriteMarker(port, writer, cache, jobs, requeueBackoff, metrics, time, logger);
        var translations = new JobTranslations(cache);
        var snapshots = new SnapshotBuilder(cache, translations, options.ResourcePrefix, options.BatchLimit, requeueBackoff, TimeSpan.FromSeconds(options.InventoryMaxAgeSeconds), time, logger);
        var requeuer = new RefusedPodRequeuer(port, writer, jobs, metrics, options.MaxRequeues, requeueBackoff, time, logger);
        var reconciler = new PodReconciler(port, writer, cache, jobs, snapshots, requeuer, rejections, observations, metrics, time, logger);
        var placements = new PlacementWriter(port, writer, cache, reconciler, jobs, rejections, options.SchedulerName, options.ResourcePrefix, time, metrics, logger);
        var unreadable = new UnreadableJobFlagger(port, writer, jobs, time, logger);
        Window = new SchedulingWindow(cache, snapshots, reconciler, placements, new JobFlagger(jobs, time), unreadable, policy, () => IsSynced, new WindowCaches([translations, .. predictionCaches ?? []], metrics), options.WriteParallelism, options.MaxJobSeries, metrics, time);
        Loop = new SchedulingLoop(Window, cache, TimeSpan.FromSeconds(options.WindowSeconds), options.BatchLimit, metrics, time, logger);
        var scopes = options.Namespaces.Count == 0 ? [null] : options.Namespaces.Select(n => (string?)n).ToList();
        var watchBackoff = backoff ?? WatchBackoff.Default;
        var watchLogger = loggers.CreateLogger("GpuPool.Operator.Watch");
        Watchers =
        [
            .. scopes.Select(ns => Watch("gpujobs", port.Jobs(ns), cache.Jobs, ns)),
            .. scopes.Select(ns => Watch("gpuprofiles", port.Profiles(ns), cache.Profiles, ns)),
            .. scopes.Select(ns => Watch("pods", port.Pods(ns), cache.Pods, ns)),
            Watch("nodes", port.Nodes(), cache.Nodes, null),
        ];
        SyncScopes = [.. scopes.Select(ns => ns ?? string.Empty)];

        Func<CancellationToken, Task> Watch<T>(string name, IResourceFeed<T> feed, ResourceStore<T> store, string? ns)
            where T : class, k8s.IKubernetesObject<k8s.Models.V1ObjectMeta> =>
            new ResourceWatcher<T>(
                ns is null ? name : $"{name} in {ns}",
                feed,
                store,
                ns,
                watchBackoff,
                new WatchTelemetry(metrics.WatchErrors.WithLabels(name), metrics.UnreadableObjects.WithLabels(name)),
                time,
                watchLogger).RunAsync;
    }

    public ClusterCache Cache { get; }

    public SchedulingWindow Window { get; }

    public SchedulingLoop Loop { get; }

    /// <summary>One watch loop per kind and namespace; each runs until cancelled.</summary>
    public IReadOnlyList<Func<CancellationToken, Task>> Watchers { get; }

    private IReadOnlyList<string> SyncScopes { get; }

    /// <summary>True once every watch has listed at least once: the cache is a full picture.</summary>
    public bool IsSynced =>
        Cache.Nodes.IsSynced(string.Empty)
        && SyncScopes.All(s => Cache.Jobs.IsSynced(s) && Cache.Profiles.IsSynced(s) && Cache.Pods.IsSynced(s));

    public void Dispose() => Loop.Dispose();
}
