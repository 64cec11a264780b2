using System.Text.Json;

namespace GpuPool.Operator.Tests.Chart;

/// <summary>The Grafana dashboard queries only what the operator and the device plugin export, and shows all of it.</summary>
[Trait("Category", "Chart")]
public sealed class DashboardQueryTests
{
    public static TheoryData<string, string[]> Extractions => new()
    {
        { "up", ["up"] },
        { "max(gpupool_pending_jobs)", ["gpupool_pending_jobs"] },
        { "histogram_quantile(0.95, sum by (le) (rate(gpupool_window_duration_seconds_bucket{job=\"x\"}[5m])))", ["gpupool_window_duration_seconds_bucket"] },
        { "sum(rate(a_sum[$__rate_interval])) / sum(rate(b_count[5m] offset 1h))", ["a_sum", "b_count"] },
        { "max by (node, gpu) (gpupool_gpu_stp) > bool 1.5e3 unless on (node) other_metric", ["gpupool_gpu_stp", "other_metric"] },
        { "label_replace(m, \"dst\", \"$1\", \"src\", \"(.*)\")", ["m"] },
    };

    public static TheoryData<string, string> Queries()
    {
        var data = new TheoryData<string, string>();
        foreach (var (title, expression) in DashboardQueries())
        {
            data.Add(title, expression);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Extractions))]
    public void Metric_names_are_found_in_a_query(string expression, string[] expected)
    {
        Assert.Equal(expected, PromQlMetricNames.In(expression));
    }

    [Theory]
    [MemberData(nameof(Queries))]
    public void Query_selects_only_series_gpupool_exports(string panel, string expression)
    {
        var names = PromQlMetricNames.In(expression);

        Assert.NotEmpty(names);
        var unknown = names.Where(n => !OperatorMetricCatalog.Series.ContainsKey(n)).ToList();
        Assert.True(unknown.Count == 0, $"panel '{panel}' queries [{string.Join(", ", unknown)}], exported by neither the operator nor the device plugin: {expression}");
    }

    [Fact]
    public void Catalog_reads_every_contract_metric_off_the_operator_and_the_device_plugin()
    {
        string[] contract =
        [
            "gpupool_api_refused_writes_total", "gpupool_api_retries_total", "gpupool_bind_failures_total",
            "gpupool_cache_entries", "gpupool_cache_resets_total",
            "gpupool_device_plugin_allocate_errors_total", "gpupool_device_plugin_allocated_units_total", "gpupool_device_plugin_allocations_total",
            "gpupool_device_plugin_emulated_jobs", "gpupool_device_plugin_gpus", "gpupool_device_plugin_mps_daemon_up", "gpupool_device_plugin_registered",
            "gpupool_gpu_stp", "gpupool_is_leader", "gpupool_job_np", "gpupool_job_placement",
            "gpupool_jobs_scheduled_total", "gpupool_measured_np", "gpupool_model_default", "gpupool_pairs_formed_total", "gpupool_pending_jobs",
            "gpupool_pods_refused_total", "gpupool_predicted_np", "gpupool_qos_violations_total", "gpupool_unreadable_objects", "gpupool_unverified_pods",
            "gpupool_watch_errors_total", "gpupool_window_duration_seconds", "gpupool_window_failures_total", "gpupool_windows_skipped_total",
        ];

        Assert.Equal(contract, OperatorMetricCatalog.Metrics.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Every_exported_metric_has_a_panel()
    {
        var shown = DashboardQueries()
            .SelectMany(q => PromQlMetricNames.In(q.Expression))
            .Select(n => OperatorMetricCatalog.Series.GetValueOrDefault(n))
            .ToHashSet();

        var missing = OperatorMetricCatalog.Metrics.Where(m => !shown.Contains(m)).ToList();
        Assert.True(missing.Count == 0, $"no panel shows [{string.Join(", ", missing)}]");
    }

    private static List<(string Title, string Expression)> DashboardQueries()
    {
        using var dashboard = JsonDocument.Parse(File.ReadAllText(RepositoryPaths.Dashboard));
        return dashboard.RootElement.GetProperty("panels").EnumerateArray()
            .SelectMany(panel => panel.GetProperty("targets").EnumerateArray()
                .Select(t => (panel.GetProperty("title").GetString() ?? "?", t.GetProperty("expr").GetString() ?? string.Empty)))
            .ToList();
    }
}
