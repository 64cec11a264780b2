using GpuPool.Simulation.Cluster;
using ScottPlot;

namespace GpuPool.Cli.Output;

/// <summary>
/// Two panels: per-GPU STP of each policy sorted high to low, and each job's NP divided by its QoS
/// target sorted low to high (below 1 = QoS missed).
/// </summary>
public static class ResultPlot
{
    private const int Width = 1000;
    private const int PanelHeight = 450;

    public static void Save(IReadOnlyList<PolicyResult> results, string path)
    {
        ArgumentNullException.ThrowIfNull(results);
        ArgumentNullException.ThrowIfNull(path);
        PlotFont.Use();

        var multiplot = new Multiplot();
        multiplot.AddPlots(2);
        var stp = multiplot.GetPlot(0);
        var np = multiplot.GetPlot(1);
        foreach (var result in results.Where(r => !r.IsBound))
        {
            var gpus = result.GpuStps.OrderDescending().ToArray();
            var line = stp.Add.Scatter(Enumerable.Range(1, gpus.Length).Select(i => (double)i).ToArray(), gpus);
            line.LegendText = result.Name;
            var relative = result.Outcomes.Select(o => o.Np / o.QosTarget).Order().ToArray();
            var jobs = np.Add.Scatter(Enumerable.Range(1, relative.Length).Select(i => (double)i).ToArray(), relative);
            jobs.LegendText = result.Name;
            jobs.MarkerSize = 0;
        }

        stp.Title("STP per GPU (isolated work per busy GPU-second), sorted");
        stp.XLabel("GPU (rank)");
        stp.YLabel("STP");
        stp.ShowLegend();
        np.Add.HorizontalLine(1.0);
        np.Title("Job NP / QoS target, sorted (below 1 = QoS missed)");
        np.XLabel("job (rank)");
        np.YLabel("NP / QoS");
        np.ShowLegend();

        var full = Path.GetFullPath(path);
        if (Path.GetExtension(path).Equals(".svg", StringComparison.OrdinalIgnoreCase))
        {
            // Multiplot renders raster only: stack the two panels' own SVGs instead.
            File.WriteAllText(full, $"<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{Width}\" height=\"{2 * PanelHeight}\">{Panel(stp, 0)}{Panel(np, PanelHeight)}</svg>");
        }
        else
        {
            multiplot.SavePng(full, Width, 2 * PanelHeight);
        }
    }

    private static string Panel(Plot plot, int top)
    {
        var svg = plot.GetSvgXml(Width, PanelHeight);
        var start = svg.IndexOf("<svg", StringComparison.Ordinal);
        return $"<g transform=\"translate(0,{top})\">{svg[start..]}</g>";
    }
}
