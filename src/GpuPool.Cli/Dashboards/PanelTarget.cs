namespace GpuPool.Cli.Dashboards;

/// <summary>One query of a panel and its legend template.</summary>
public sealed record PanelTarget(string Expression, string Legend)
{
    /// <summary>
    /// The expression as Prometheus itself takes it: Grafana's $__rate_interval becomes four
    /// 15 s scrape intervals (Grafana's own minimum for it), $__interval the query's step.
    /// </summary>
    public string ForPrometheus(TimeSpan step) =>
        Expression.Replace("$__rate_interval", "1m", StringComparison.Ordinal)
            .Replace("$__interval", $"{Math.Max(1, (int)step.TotalSeconds)}s", StringComparison.Ordinal);
}
