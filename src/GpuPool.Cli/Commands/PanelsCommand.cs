using System.CommandLine;
using System.Globalization;
using GpuPool.Cli.Dashboards;
using GpuPool.Cli.Output;

namespace GpuPool.Cli.Commands;

/// <summary>
/// `gpupool panels`: every panel of the Grafana dashboard, queried from a Prometheus and drawn as
/// one PNG each: a look at the dashboard where no Grafana server can be had. Exit 1 when a panel
/// has no data (a panel that never has data is a defect of the query or the metric).
/// </summary>
public static class PanelsCommand
{
    /// <summary>Points per series at most: the step is the range over this.</summary>
    public const int PointsPerSeries = 200;

    public static Command Create(TextWriter stdout, TimeProvider time, Func<Uri, HttpClient> http)
    {
        var prometheus = new Option<string>("--prometheus") { Description = "Prometheus base URL, e.g. http://127.0.0.1:9090/.", Required = true };
        var dashboard = new Option<string>("--dashboard") { Description = "Grafana dashboard JSON.", DefaultValueFactory = _ => "charts/gpupool/dashboards/gpupool.json" };
        var output = new Option<string>("--out") { Description = "Directory the PNGs are written to (created if missing).", Required = true };
        var minutes = new Option<double>("--minutes") { Description = "Time range drawn, ending now.", DefaultValueFactory = _ => 15 }.InRange(1, 7 * 24 * 60);
        var command = new Command("panels", "Draw each dashboard panel from a Prometheus's data, one PNG per panel.") { prometheus, dashboard, output, minutes };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var path = parse.GetValue(dashboard)!;
            if (!File.Exists(path))
            {
                throw new UsageException($"--dashboard: file '{path}' does not exist.");
            }

            var text = parse.GetValue(prometheus)!;
            if (!Uri.TryCreate(text, UriKind.Absolute, out var url) || url.Scheme is not ("http" or "https"))
            {
                throw new UsageException($"--prometheus: '{text}' is not an http(s) URL.");
            }

            IReadOnlyList<DashboardPanel> panels;
            try
            {
                panels = DashboardPanel.Read(await File.ReadAllTextAsync(path, cancellationToken), path);
            }
            catch (InvalidDataException e)
            {
                throw new UsageException($"--dashboard: {e.Message}", e);
            }

            var directory = parse.GetValue(output)!;
            Directory.CreateDirectory(directory);
            var end = time.GetUtcNow();
            var range = TimeSpan.FromMinutes(parse.GetValue(minutes));
            var step = TimeSpan.FromSeconds(Math.Max(15, Math.Ceiling(range.TotalSeconds / PointsPerSeries)));
            using var client = http(url);
            var query = new PrometheusRangeQuery(client);
            var empty = 0;
            foreach (var panel in panels)
            {
                var results = new List<(PanelTarget, IReadOnlyList<PanelSeries>)>();
                foreach (var target in panel.Targets)
                {
                    results.Add((target, await Query(query, target.ForPrometheus(step), end - range, end, step, url, cancellationToken)));
                }

                var counts = results.Select(r => r.Item2.Count).ToList();
                empty += counts.Sum() == 0 ? 1 : 0;
                var file = Path.Combine(directory, string.Create(CultureInfo.InvariantCulture, $"panel-{panel.Id:00}.png"));
                PanelPlot.SavePng(panel, results, file);
                stdout.WriteLine(string.Create(CultureInfo.InvariantCulture, $"panel {panel.Id,2} {panel.Title,-60} series {string.Join("+", counts),-8} {file}"));
            }

            stdout.WriteLine($"{panels.Count} panels drawn, {empty} without data");
            return empty == 0 ? ExitCodes.Success : ExitCodes.Failure;
        });
        return command;
    }

    private static async Task<IReadOnlyList<PanelSeries>> Query(PrometheusRangeQuery query, string expression, DateTimeOffset start, DateTimeOffset end, TimeSpan step, Uri url, CancellationToken cancellationToken)
    {
        try
        {
            return await query.RunAsync(expression, start, end, step, cancellationToken);
        }
        catch (HttpRequestException e)
        {
            throw new UsageException($"--prometheus: {url} cannot be reached: {e.Message}", e);
        }
        catch (InvalidDataException e)
        {
            throw new UsageException($"--prometheus: {e.Message}", e);
        }
    }
}
