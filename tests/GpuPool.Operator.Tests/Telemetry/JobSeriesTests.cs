using GpuPool.Operator.Resources;
using GpuPool.Operator.Telemetry;
using GpuPool.Operator.Tests.Builders;
using GpuPool.Operator.Tests.Fakes;

namespace GpuPool.Operator.Tests.Telemetry;

/// <summary>The per-job dashboard series: what they say of each job, and their bound.</summary>
public sealed class JobSeriesTests
{
    private static GpuJob Job(string name, int createdSecond, GpuJobStatus? status = null)
    {
        var job = Objects.Job(name, qos: 0.6);
        job.Metadata.CreationTimestamp = new DateTime(2026, 1, 1, 0, 0, createdSecond, DateTimeKind.Utc);
        job.Status = status;
        return job;
    }

    public static TheoryData<GpuJobStatus?, string[]> Kinds => new()
    {
        { null, ["target=0.6"] },
        { new GpuJobStatus { Node = "n", Gpu = 0 }, ["target=0.6"] },
        { new GpuJobStatus { Node = "n", Gpu = 0, Partner = "team-a/b", PredictedNp = 0.8 }, ["target=0.6", "predicted=0.8"] },
        { new GpuJobStatus { Node = "n", Gpu = 0, Partner = "team-a/b", PredictedNp = 0.8, MeasuredNp = 0.55 }, ["target=0.6", "predicted=0.8", "measured=0.55"] },
    };

    [Theory]
    [MemberData(nameof(Kinds))]
    public void A_job_has_its_target_always_and_its_predicted_and_measured_np_once_known(GpuJobStatus? status, string[] expected)
    {
        var rows = JobSeries.Np([Job("a", 0, status)]);

        Assert.All(rows, r => Assert.Equal("team-a/a", r.Labels[0]));
        Assert.Equal(expected, rows.Select(r => FormattableString.Invariant($"{r.Labels[1]}={r.Value}")));
    }

    [Fact]
    public void Only_the_newest_jobs_have_series_and_a_job_gone_loses_its_own()
    {
        var metrics = new OperatorMetrics(Prometheus.Metrics.NewCustomRegistry());
        var placed = new GpuJobStatus { Node = "n", Gpu = 1, Partner = "team-a/new" };
        GpuJob[] jobs = [Job("old", 0, placed), Job("mid", 1, placed), Job("new", 2, new GpuJobStatus { Node = "n", Gpu = 1, Partner = "team-a/mid" })];

        metrics.ReplaceJobSeries(JobSeries.Newest(jobs, 2));
        Assert.Equal(["team-a/mid", "team-a/new"], Names(metrics.JobPlacement));
        Assert.Equal(["team-a/mid", "team-a/new"], Names(metrics.JobNp).Distinct());

        metrics.ReplaceJobSeries(JobSeries.Newest(jobs[..2], 2));
        Assert.Equal(["team-a/mid", "team-a/old"], Names(metrics.JobPlacement));
        Assert.Equal(["team-a/mid", "n", "1", "team-a/new", "shared"], metrics.JobPlacement.GetAllLabelValues().Single(l => l[0] == "team-a/mid"));

        metrics.ClearLeaderGauges();
        Assert.Empty(metrics.JobNp.GetAllLabelValues());
    }

    [Fact]
    public async Task After_a_window_each_paired_job_shows_its_partner_gpu_and_prediction()
    {
        var cluster = new FakeCluster();
        cluster.NodeFeed.Put(Objects.Node("node-1"));
        cluster.JobFeed.Put(Objects.Job("a"));
        cluster.JobFeed.Put(Objects.Job("b"));
        await using var harness = await OperatorHarness.StartAsync(cluster);

        await harness.WindowAsync(cluster);
        await harness.WindowAsync(cluster);

        var placements = harness.Metrics.JobPlacement.GetAllLabelValues().OrderBy(l => l[0], StringComparer.Ordinal).ToList();
        Assert.Equal(["team-a/a", "node-1", "0", "team-a/b", "shared"], placements[0]);
        Assert.Equal(["team-a/b", "node-1", "0", "team-a/a", "shared"], placements[1]);
        Assert.Equal(0.9, harness.Metrics.JobNp.WithLabels("team-a/a", "predicted").Value, 9);

        cluster.JobFeed.Delete("team-a/a");
        await harness.WindowAsync(cluster);
        Assert.Equal(["team-a/b"], Names(harness.Metrics.JobPlacement));
    }

    private static IEnumerable<string> Names(Prometheus.Gauge gauge) => gauge.GetAllLabelValues().Select(l => l[0]).Order(StringComparer.Ordinal);
}
