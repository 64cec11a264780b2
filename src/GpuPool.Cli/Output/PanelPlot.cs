using GpuPool.Cli.Dashboards;
using ScottPlot;

namespace GpuPool.Cli.Output;

/// <summary>
/// One dashboard panel drawn from the series its queries returned: a table panel as bars of each
/// series' last value (as Grafana's table shows the instant), any other panel as lines over time.
/// </summary>
public static class PanelPlot
{
    private const int Width = 1000;
    private const int Height = 450;

    // More legend entries than this would cover the plot; the rest are counted in the title.
    private const int MaxLegend = 24;

    public static void SavePng(DashboardPanel panel, IReadOnlyList<(PanelTarget Target, IReadOnlyList<PanelSeries> Series)> results, string path)
    {
        ArgumentNullException.ThrowIfNull(panel);
        ArgumentNullException.ThrowIfNull(results);
        PlotFont.Use();
        var plot = new Plot();
        var named = results.SelectMany(r => r.Series.Select(s => (Name: s.Name(r.Target.Legend), s.Points))).ToList();
        if (panel.Type == "table")
        {
            var last = named.Where(s => s.Points.Count > 0).Select(s => (s.Name, Value: s.Points[^1].Value)).Where(s => double.IsFinite(s.Value)).ToList();
            var bars = plot.Add.Bars(last.Select(s => s.Value).ToArray());
            bars.Horizontal = true;
            plot.Axes.Left.SetTicks([.. Enumerable.Range(0, last.Count).Select(i => (double)i)], [.. last.Select(s => s.Name)]);
            plot.XLabel("last value");
        }
        else
        {
            var start = named.SelectMany(s => s.Points).Select(p => p.Time).DefaultIfEmpty(0).Min();
            foreach (var (name, points) in named)
            {
                var line = plot.Add.Scatter(points.Select(p => (p.Time - start) / 60).ToArray(), points.Select(p => p.Value).ToArray());
                line.LegendText = named.IndexOf((name, points)) < MaxLegend ? name : string.Empty;
                line.MarkerSize = points.Count == 1 ? 5 : 0;
            }

            plot.XLabel("minutes");
            if (named.Count > 0)
            {
                plot.ShowLegend(Alignment.UpperLeft);
            }
        }

        var more = named.Count > MaxLegend && panel.Type != "table" ? $", {named.Count - MaxLegend} more series unlabelled" : string.Empty;
        plot.Title($"{panel.Id}. {panel.Title} ({named.Count} series{more})");
        plot.SavePng(Path.GetFullPath(path), Width, panel.Type == "table" ? Math.Max(Height, 40 + (18 * named.Count)) : Height);
    }
}
