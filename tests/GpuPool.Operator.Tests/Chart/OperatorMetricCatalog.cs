using GpuPool.DevicePlugin.Telemetry;
using GpuPool.Operator.Telemetry;
using Prometheus;

namespace GpuPool.Operator.Tests.Chart;

/// <summary>
/// The series names GpuPool exports, read off <see cref="OperatorMetrics"/> and the device
/// plugin's <see cref="DevicePluginMetrics"/> themselves. A histogram exports name_bucket,
/// name_sum and name_count, never the bare name.
/// </summary>
public static class OperatorMetricCatalog
{
    private static readonly List<Collector> _collectors = ReadCollectors();

    public static IEnumerable<string> Metrics => _collectors.Select(c => c.Name);

    /// <summary>Every name a query may select, mapped to the metric it belongs to.</summary>
    public static IReadOnlyDictionary<string, string> Series { get; } = _collectors
        .SelectMany(c => (c is Histogram ? new[] { "_bucket", "_sum", "_count" } : [string.Empty]).Select(suffix => (Series: c.Name + suffix, Metric: c.Name)))
        .ToDictionary(p => p.Series, p => p.Metric, StringComparer.Ordinal);

    private static List<Collector> ReadCollectors()
    {
        object[] sets = [new OperatorMetrics(Prometheus.Metrics.NewCustomRegistry()), new DevicePluginMetrics(Prometheus.Metrics.NewCustomRegistry())];
        return sets.SelectMany(set => set.GetType().GetProperties()
            .Where(p => typeof(Collector).IsAssignableFrom(p.PropertyType))
            .Select(p => (Collector)p.GetValue(set)!))
            .ToList();
    }
}
