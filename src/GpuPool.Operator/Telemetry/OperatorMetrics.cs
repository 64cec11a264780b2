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
        foreach (var reason in BindFailureReasons.All)
        {
            BindFailures.WithLabels(reason).Inc(0);
        }

        PodsRefused = factory.CreateCounter("gpupool_pods_refused_total", "Pods a node refused before they ran; each job was queued again.");
        ApiRetries = factory.CreateCounter("gpupool_api_retries_total", "Retries of API writes after 429, 5xx or a timeout.", "operation");
        GpuStp = factory.CreateGauge("gpupool_gpu_stp", "Predicted NP summed over the jobs now on a GPU.", "node", "gpu");
        IsLeader = factory.CreateGauge("gpupool_is_leader", "1 while this replica holds the Lease.");
        DefaultModel = factory.CreateGauge("gpupool_model_default", "1 while the operator predicts with the embedded default model (trained on the simulator only), 0 with a supplied ModelPath.");
        CacheEntries = factory.CreateGauge("gpupool_cache_entries", "Entries in each prediction and translation cache after the last window's plan.", "cache");
        CacheResets = factory.CreateCounter("gpupool_cache_resets_total", "Times a cache past its bound was dropped before a window.", "cache");
        WindowFailures = factory.CreateCounter("gpupool_window_failures_total", "Scheduling windows that threw; the next window retries.");
        WindowsSkipped = factory.CreateCounter("gpupool_windows_skipped_total", "Windows not run because a watch cache had not listed yet.");
        RefusedWrites = factory.CreateCounter("gpupool_api_refused_writes_total", "API writes the server refused (4xx other than 404 and 409); never retried.", "operation");
        WatchErrors = factory.CreateCounter("gpupool_watch_errors_total", "List or watch streams that failed and were retried with backoff.", "resource");
        UnreadableObjects = factory.CreateGauge("gpupool_unreadable_objects", "Objects the API server holds that the operator cannot read; each is skipped alone.", "resource");
        UnverifiedPods = factory.CreateGauge("gpupool_unverified_pods", "Pods claiming a GpuPool placement without the operator's seal; their claims are ignored.");
        JobNp = factory.CreateGauge("gpupool_job_np", "Per job (gpujob = namespace/name, the newest MaxJobSeries): QoS target, predicted NP, measured NP when finished.", "gpujob", "kind");
        JobPlacement = factory.CreateGauge("gpupool_job_placement", "1 per placed job (gpujob = namespace/name, the newest MaxJobSeries): its node, GPU, partner (empty alone) and mode.", "gpujob", "node", "gpu", "partner", "mode");
    }

    /// <summary>
    /// Resets what only the leader measures, when leadership changes: a standby replica must not
    /// keep exporting the GPUs and queue of a cluster it no longer schedules; the next leader's
    /// first window sets them afresh.
    /// </summary>
    public void ClearLeaderGauges()
    {
        PendingJobs.Set(0);
        Replace(GpuStp, []);
        Replace(JobNp, []);
        Replace(JobPlacement, []);
    }

    /// <summary>Sets the per-job series for exactly these jobs (<see cref="JobSeries"/>): others lose theirs.</summary>
    public void ReplaceJobSeries(IReadOnlyList<Resources.GpuJob> newest)
    {
        Replace(JobNp, JobSeries.Np(newest));
        Replace(JobPlacement, [.. JobSeries.Placements(newest).Select(labels => (labels, 1.0))]);
    }

    /// <summary>Sets gpupool_gpu_stp for exactly these GPUs: a GPU gone from the cluster loses its series.</summary>
    public void ReplaceGpuStp(IEnumerable<(string Node, string Gpu, double Stp)> gpus)
    {
        ArgumentNullException.ThrowIfNull(gpus);
        Replace(GpuStp, [.. gpus.Select(g => (new[] { g.Node, g.Gpu }, g.Stp))]);
    }

    public Gauge JobNp { get; }

    public Gauge JobPlacement { get; }

    // Sets exactly these series of a gauge; a series not among them is removed, not left stale.
    private static void Replace(Gauge gauge, IReadOnlyList<(string[] Labels, double Value)> series)
    {
        var now = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (labels, value) in series)
        {
            gauge.WithLabels(labels).Set(value);
            now.Add(string.Join('\0', labels));
        }

        foreach (var labels in gauge.GetAllLabelValues().Where(l => !now.Contains(string.Join('\0', l))).ToList())
        {
            gauge.RemoveLabelled(labels);
        }
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

    /// <summary>1 while the embedded default model predicts (it knows only the simulator).</summary>
    public Gauge DefaultModel { get; }

    public Counter WindowFailures { get; }

    public Counter WindowsSkipped { get; }

    public Counter RefusedWrites { get; }

    public Counter WatchErrors { get; }

    public Gauge UnreadableObjects { get; }

    public Gauge UnverifiedPods { get; }

    public Gauge CacheEntries { get; }

    public Counter CacheResets { get; }
}
