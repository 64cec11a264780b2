namespace GpuPool.Operator.Tests.Chart;

/// <summary>
/// The series names the operator exports. Source: the cross-component contract's metric list
/// (the operator's metrics class is not on this branch yet). A histogram exports name_bucket,
/// name_sum and name_count, never the bare name.
/// </summary>
public static class OperatorMetricCatalog
{
    public static IReadOnlyList<string> Gauges { get; } = ["gpupool_pending_jobs", "gpupool_gpu_stp", "gpupool_is_leader"];

    public static IReadOnlyList<string> Counters { get; } =
        ["gpupool_pairs_formed_total", "gpupool_jobs_scheduled_total", "gpupool_qos_violations_total", "gpupool_bind_failures_total", "gpupool_api_retries_total"];

    public static IReadOnlyList<string> Histograms { get; } = ["gpupool_window_duration_seconds", "gpupool_predicted_np", "gpupool_measured_np"];

    /// <summary>Every name a query may select, mapped to the metric it belongs to.</summary>
    public static IReadOnlyDictionary<string, string> Series { get; } = Gauges.Concat(Counters)
        .Select(n => (Series: n, Metric: n))
        .Concat(Histograms.SelectMany(h => new[] { "_bucket", "_sum", "_count" }.Select(s => (Series: h + s, Metric: h))))
        .ToDictionary(p => p.Series, p => p.Metric, StringComparer.Ordinal);

    public static IEnumerable<string> Metrics => Gauges.Concat(Counters).Concat(Histograms);
}
