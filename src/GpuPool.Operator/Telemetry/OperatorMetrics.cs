using Prometheus;

namespace GpuPool.Operator.Telemetry;

/// <summary>
/// The operator's metrics (names fixed by the cross-component contract), on one registry so tests
/// get their own. Label values come from small fixed sets (<see cref="BindFailureReasons"/>,
/// operation names) or from the cluster's GPUs.
/// </summary>
public sealed class OperatorMetrics
{
    public OperatorMetrics(CollectorRegistry registry)
    {
        Registry = registry;
        var factory = Metrics.WithCustomRegistry(registry);
        PendingJobs = factory.CreateGauge("gpupool_pending_jobs", "GpuJobs waiting for a GPU at the last window.");
        WindowDuration = factory.CreateHistogram("gpupool_window_duration_seconds", "Time one scheduling window took (snapshot, plan, writes).", new HistogramConfiguration
        {
            Buckets = Histogram.ExponentialBuckets(0.001, 2, 16),
        });
        PairsFormed = factory.CreateCounter("gpupool_pairs_formed_total", "GPUs that got two jobs because of a window's plan.");
        JobsScheduled = factory.CreateCounter("gpupool_jobs_scheduled_total", "Jobs whose pod was bound, by whether they share the GPU.", "mode");
        var np = new HistogramConfiguration { Buckets = Histogram.LinearBuckets(0.1, 0.1, 10) };
        PredictedNp = factory.CreateHistogram("gpupool_predicted_np", "Predicted normalized progress of each scheduled shared job.", np);
        MeasuredNp = factory.CreateHistogram("gpupool_measured_np", "Measured normalized progress of each finished job.", np);
        QosViolations = factory.CreateCounter("gpupool_qos_violations_total", "Finished jobs whose measured NP fell below their QoS target.");
        BindFailures = factory.CreateCounter("gpupool_bind_failures_total", "Writes of a decision that failed; the job was requeued.", "reason");
        PodsRefused = factory.CreateCounter("gpupool_pods_refused_total", "Pods a node refused before they ran; each job was queued again.");
        ApiRetries = factory.CreateCounter("gpupool_api_retries_total", "Retries of API writes after 429, 5xx or a timeout.", "operation");
        GpuStp = factory.CreateGauge("gpupool_gpu_stp", "Predicted NP summed over the jobs now on a GPU.", "node", "gpu");
        IsLeader = factory.CreateGauge("gpupool_is_leader", "1 while this replica holds the Lease.");
        CacheEntries = factory.CreateGauge("gpupool_cache_entries", "Entries in each prediction and translation cache after the last window's plan.", "cache");
        CacheResets = factory.CreateCounter("gpupool_cache_resets_total", "Times a cache past its bound was dropped before a window.", "cache");
    }

    public CollectorRegistry Registry { get; }

    public Gauge PendingJobs { get; }

    public Histogram WindowDuration { get; }

    public Counter PairsFormed { get; }

    public Counter JobsScheduled { get; }

    public Histogram PredictedNp { get; }

    public Histogram MeasuredNp { get; }

    public Counter QosViolations { get; }

    public Counter BindFailures { get; }

    public Counter PodsRefused { get; }

    public Counter ApiRetries { get; }

    public Gauge GpuStp { get; }

    public Gauge IsLeader { get; }

    public Gauge CacheEntries { get; }

    public Counter CacheResets { get; }
}
