using System.CommandLine;
using System.Net;
using System.Text.Json;
using GpuPool.Cli.Commands;
using GpuPool.Cli.Dashboards;
using GpuPool.Cli.Tests.Support;
using Microsoft.Extensions.Time.Testing;

namespace GpuPool.Cli.Tests.Commands;

/// <summary>`gpupool panels`: the dashboard's queries, asked of a Prometheus, drawn one PNG per panel.</summary>
public sealed class PanelsCommandTests
{
    private static readonly string Dashboard = Path.Combine(AppContext.BaseDirectory, "dashboards", "gpupool.json");

    [Fact]
    public void Every_panel_of_the_shipped_dashboard_is_read_with_its_queries()
    {
        using var json = JsonDocument.Parse(File.ReadAllText(Dashboard));
        var expected = json.RootElement.GetProperty("panels").EnumerateArray().ToList();

        var panels = DashboardPanel.Read(File.ReadAllText(Dashboard), "gpupool.json");

        Assert.Equal(expected.Select(p => p.GetProperty("id").GetInt32()), panels.Select(p => p.Id));
        Assert.Equal(panels.Count, panels.Select(p => p.Id).Distinct().Count());
        Assert.Equal(expected.Sum(p => p.GetProperty("targets").GetArrayLength()), panels.Sum(p => p.Targets.Count));
        Assert.Contains(panels, p => p.Type == "table");
    }

    public static TheoryData<string, string> Expressions => new()
    {
        { "rate(x[$__rate_interval])", "rate(x[1m])" },
        { "sum_over_time(x[$__interval])", "sum_over_time(x[30s])" },
        { "max(x)", "max(x)" },
    };

    [Theory]
    [MemberData(nameof(Expressions))]
    public void Grafana_variables_become_what_prometheus_takes(string expression, string expected) =>
        Assert.Equal(expected, new PanelTarget(expression, string.Empty).ForPrometheus(TimeSpan.FromSeconds(30)));

    public static TheoryData<string, string> Legends => new()
    {
        { "{{gpu}} on {{node}}", "0 on n1" },
        { string.Empty, "gpu=0, node=n1" },
        { "p95", "p95 (gpu=0, node=n1)" },
    };

    [Theory]
    [MemberData(nameof(Legends))]
    public void A_series_is_named_by_its_legend_template(string legend, string expected) =>
        Assert.Equal(expected, new PanelSeries(new Dictionary<string, string> { ["gpu"] = "0", ["node"] = "n1" }, []).Name(legend));

    [Theory]
    [InlineData(true, 0)]
    [InlineData(false, 1)]
    public async Task Each_panel_becomes_a_png_and_a_panel_without_data_fails_the_run(bool everyQueryAnswers, int exitCode)
    {
        using var files = new TempFiles();
        var prometheus = new CannedPrometheus(expression => everyQueryAnswers || expression.Contains("gpupool_pending_jobs", StringComparison.Ordinal));
        using var stdout = new StringWriter();
        var command = PanelsCommand.Create(stdout, new FakeTimeProvider(DateTimeOffset.FromUnixTimeSeconds(1_800_000_000)), url => new HttpClient(prometheus) { BaseAddress = url });

        var code = await new RootCommand { command }.Parse(["panels", "--prometheus", "http://prometheus.test/", "--dashboard", Dashboard, "--out", files.Path("png"), "--minutes", "10"]).InvokeAsync();

        Assert.Equal(exitCode, code);
        var panels = DashboardPanel.Read(File.ReadAllText(Dashboard), "gpupool.json");
        Assert.Equal(panels.Sum(p => p.Targets.Count), prometheus.Queries.Count);
        Assert.All(prometheus.Queries, q => Assert.DoesNotContain("$__", q, StringComparison.Ordinal));
        Assert.All(panels, p => Assert.True(new FileInfo(files.Path($"png/panel-{p.Id:00}.png")).Length > 1000, $"panel {p.Id} has no PNG"));
        Assert.EndsWith($"{panels.Count} panels drawn, {(everyQueryAnswers ? 0 : panels.Count - 2)} without data", stdout.ToString().TrimEnd(), StringComparison.Ordinal);
    }

    public static TheoryData<string[], string> BadInput => new()
    {
        { ["panels", "--prometheus", "http://127.0.0.1:1/", "--dashboard", Dashboard, "--out", "png-out"], "cannot be reached" },
        { ["panels", "--prometheus", "http://127.0.0.1:1/", "--dashboard", "no-such-dashboard.json", "--out", "png-out"], "--dashboard: file 'no-such-dashboard.json'" },
        { ["panels", "--prometheus", "ftp://host/", "--dashboard", Dashboard, "--out", "png-out"], "--prometheus: 'ftp://host/' is not an http(s) URL" },
        { ["panels", "--dashboard", Dashboard, "--out", "png-out"], "--prometheus" },
    };

    [Theory]
    [MemberData(nameof(BadInput))]
    public void Bad_input_exits_2_naming_it(string[] args, string expected)
    {
        var (code, _, error) = CliRun.Invoke(args);

        Assert.Equal(2, code);
        Assert.Contains(expected, error, StringComparison.Ordinal);
    }

    /// <summary>Answers query_range with one two-point series for the queries it knows, an empty matrix otherwise.</summary>
    private sealed class CannedPrometheus(Func<string, bool> answers) : HttpMessageHandler
    {
        public List<string> Queries { get; } = [];

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Assert.Equal("/api/v1/query_range", request.RequestUri!.AbsolutePath);
            var form = (await request.Content!.ReadAsStringAsync(cancellationToken)).Split('&').Select(p => p.Split('=')).ToDictionary(p => p[0], p => WebUtility.UrlDecode(p[1]));
            Assert.Equal(600, long.Parse(form["end"], System.Globalization.CultureInfo.InvariantCulture) - long.Parse(form["start"], System.Globalization.CultureInfo.InvariantCulture));
            lock (Queries)
            {
                Queries.Add(form["query"]);
            }

            var result = answers(form["query"]) ? """[{"metric":{"gpujob":"a","gpu":"0"},"values":[[1799999400,"1"],[1800000000,"0.75"]]}]""" : "[]";
            return new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent("""{"status":"success","data":{"resultType":"matrix","result":""" + result + "}}") };
        }
    }
}
