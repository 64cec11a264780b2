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
        if (panel.Type == "table")
        {
            SaveTable(panel, results, path);
            return;
        }

        var plot = new Plot();
        var named = results.SelectMany(r => r.Series.Select(s => (Name: s.Name(r.Target.Legend), s.Points))).ToList();

        var start = named.SelectMany(s => s.Points).Select(p => p.Time).DefaultIfEmpty(0).Min();
        for (var i = 0; i < named.Count; i++)
        {
            var (name, points) = named[i];
            var line = plot.Add.Scatter(points.Select(p => (p.Time - start) / 60).ToArray(), points.Select(p => p.Value).ToArray());
            line.LegendText = i < MaxLegend ? name : string.Empty;
            line.MarkerSize = points.Count == 1 ? 5 : 0;
        }

        plot.XLabel("minutes");
        if (named.Count > 0)
        {
            plot.ShowLegend(Alignment.UpperLeft);
        }

        var more = named.Count > MaxLegend ? $", {named.Count - MaxLegend} more series unlabelled" : string.Empty;
        plot.Title($"{panel.Id}. {panel.Title} ({named.Count} series{more})");
        plot.SavePng(Path.GetFullPath(path), Width, Height);
    }

    // As Grafana's table with its merge transformation: one row per label set, one column per
    // query (its legend), each cell the series' last value.
    private static void SaveTable(DashboardPanel panel, IReadOnlyList<(PanelTarget Target, IReadOnlyList<PanelSeries> Series)> results, string path)
    {
        var columns = results.Select(r => r.Target.Legend.Length > 0 ? r.Target.Legend : r.Target.Expression).ToList();
        var keys = results.SelectMany(r => r.Series).SelectMany(s => s.Labels.Keys).Where(k => k != "__name__").Distinct().Order(StringComparer.Ordinal).ToList();
        var rows = new SortedDictionary<string, (IReadOnlyDictionary<string, string> Labels, string[] Cells)>(StringComparer.Ordinal);
        for (var c = 0; c < results.Count; c++)
        {
            foreach (var series in results[c].Series.Where(s => s.Points.Count > 0))
            {
                var key = string.Join("\u0000", keys.Select(k => series.Labels.GetValueOrDefault(k, string.Empty)));
                if (!rows.TryGetValue(key, out var row))
                {
                    row = (series.Labels, [.. columns.Select(_ => "-")]);
                    rows[key] = row;
                }

                row.Cells[c] = series.Points[^1].Value.ToString("0.###", System.Globalization.CultureInfo.InvariantCulture);
            }
        }

        string[] header = [.. keys, .. columns];
        var table = rows.Values.Select(r => (string[])[.. keys.Select(k => r.Labels.GetValueOrDefault(k, string.Empty)), .. r.Cells]).Prepend(header).ToList();
        var widths = Enumerable.Range(0, header.Length).Select(i => table.Max(row => row[i].Length) + 2).ToList();
        var plot = new Plot();
        for (var r = 0; r < table.Count; r++)
        {
            var x = 0;
            for (var c = 0; c < header.Length; c++)
            {
                var text = plot.Add.Text(table[r][c], x, -r);
                text.LabelFontSize = 12;
                text.LabelBold = r == 0;
                text.LabelAlignment = Alignment.MiddleLeft;
                x += widths[c];
            }
        }

        var characters = widths.Sum();
        plot.Axes.SetLimits(-1, characters + 1, -table.Count, 1);
        plot.Layout.Frameless();
        plot.HideGrid();
        plot.Title($"{panel.Id}. {panel.Title} ({rows.Count} rows)");
        plot.SavePng(Path.GetFullPath(path), Math.Max(Width, 40 + (8 * characters)), 60 + (18 * table.Count));
    }
}
