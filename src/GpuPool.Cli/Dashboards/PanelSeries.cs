namespace GpuPool.Cli.Dashboards;

/// <summary>One series a query returned: its labels and its samples (unix seconds, value).</summary>
public sealed record PanelSeries(IReadOnlyDictionary<string, string> Labels, IReadOnlyList<(double Time, double Value)> Points)
{
    /// <summary>The legend: the template with {{label}} filled in, else the labels themselves.</summary>
    public string Name(string legend)
    {
        ArgumentNullException.ThrowIfNull(legend);
        var labels = string.Join(", ", Labels.Where(l => l.Key != "__name__").Select(l => $"{l.Key}={l.Value}"));
        if (legend.Length == 0)
        {
            return labels.Length == 0 ? "value" : labels;
        }

        var name = Labels.Aggregate(legend, (text, l) => text.Replace("{{" + l.Key + "}}", l.Value, StringComparison.Ordinal));
        return Labels.Count > 0 && name == legend && !legend.Contains("{{", StringComparison.Ordinal) ? $"{legend} ({labels})" : name;
    }
}
