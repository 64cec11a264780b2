using System.Text.Json;

namespace GpuPool.Cli.Dashboards;

/// <summary>One panel of a Grafana dashboard JSON: what `gpupool panels` queries and draws.</summary>
public sealed record DashboardPanel(int Id, string Title, string Type, IReadOnlyList<PanelTarget> Targets)
{
    /// <summary>The panels that have queries, in the dashboard's order; a file that is no dashboard is refused naming the field.</summary>
    public static IReadOnlyList<DashboardPanel> Read(string json, string source)
    {
        try
        {
            using var document = JsonDocument.Parse(json);
            if (!document.RootElement.TryGetProperty("panels", out var panels) || panels.ValueKind != JsonValueKind.Array)
            {
                throw new InvalidDataException($"{source}: no \"panels\" array: not a Grafana dashboard.");
            }

            var result = new List<DashboardPanel>();
            foreach (var panel in panels.EnumerateArray())
            {
                var targets = panel.TryGetProperty("targets", out var t) && t.ValueKind == JsonValueKind.Array
                    ? t.EnumerateArray().Where(x => x.TryGetProperty("expr", out _)).Select(x => new PanelTarget(
                        x.GetProperty("expr").GetString() ?? string.Empty,
                        x.TryGetProperty("legendFormat", out var l) ? l.GetString() ?? string.Empty : string.Empty)).ToList()
                    : [];
                if (targets.Count > 0)
                {
                    result.Add(new DashboardPanel(
                        panel.TryGetProperty("id", out var id) ? id.GetInt32() : result.Count + 1,
                        panel.TryGetProperty("title", out var title) ? title.GetString() ?? string.Empty : string.Empty,
                        panel.TryGetProperty("type", out var type) ? type.GetString() ?? string.Empty : string.Empty,
                        targets));
                }
            }

            return result;
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException or FormatException)
        {
            throw new InvalidDataException($"{source}: not a readable Grafana dashboard: {e.Message}", e);
        }
    }
}
