using System.Diagnostics;
using GpuPool.Operator.Kubernetes;
using GpuPool.Operator.Ports;
using GpuPool.Operator.Resources;
using GpuPool.Operator.Tests.Builders;
using GpuPool.Operator.Tests.Cluster;
using GpuPool.Operator.Tests.Fakes;
using k8s.Models;
using Xunit.Abstractions;

namespace GpuPool.Operator.Tests.Bench;

/// <summary>
/// 1,000 GpuJobs created, then windows until all are Scheduled: wall time and binds per second,
/// against the in-memory port and, when one is configured, a real kube-apiserver.
/// Run: GPUPOOL_BENCH=1 dotnet test tests/GpuPool.Operator.Tests -c Release --filter Category=Bench --logger "console;verbosity=detailed"
/// </summary>
[Collection(ClusterTestGroup.Name)]
[Trait("Category", "Bench")]
public sealed class SchedulingBench(ApiServerFixture server, ITestOutputHelper output)
{
    private const int Jobs = 1000;
    private const int Nodes = 125;
    private const int GpusPerNode = 4;

    [BenchFact]
    public async Task Thousand_jobs_against_the_in_memory_port()
    {
        var cluster = new FakeCluster();
        for (var n = 0; n < Nodes; n++)
        {
            cluster.NodeFeed.Put(Objects.Node($"bench-{n}", gpus: GpusPerNode));
        }

        await using var harness = await OperatorHarness.StartAsync(cluster, clock: TimeProvider.System);
        var created = Stopwatch.StartNew();
        for (var i = 0; i < Jobs; i++)
        {
            cluster.JobFeed.Put(Objects.Job($"job-{i:D4}"));
        }

        await OperatorHarness.SettleAsync(() => harness.Cache.Jobs.Count == Jobs);

        await RunAsync("in-memory port", harness, created, () => cluster.JobFeed.Items().Count(j => j.Status?.Phase == JobPhase.Scheduled));
        Assert.Equal(Jobs, cluster.Binds.Count);
    }

    [BenchFact(needsApiServer: true)]
    public async Task Thousand_jobs_against_the_api_server()
    {
        var ns = await server.NewNamespaceAsync("bench");
        var nodes = Enumerable.Range(0, Nodes).Select(n => $"bench-{ns}-{n}").ToArray();
        try
        {
            foreach (var node in nodes)
            {
                await server.CreateAsync(Objects.Node(node, gpus: GpusPerNode));
            }

            var port = new KubernetesClusterPort(server.Client);
            await using var harness = await OperatorHarness.StartAsync(port, configure: o => o.Namespaces.Add(ns), clock: TimeProvider.System);
            var created = Stopwatch.StartNew();
            await Parallel.ForEachAsync(Enumerable.Range(0, Jobs), new ParallelOptions { MaxDegreeOfParallelism = 16 }, async (i, _) =>
            {
                var job = Objects.Job($"job-{i:D4}");
                job.Metadata.NamespaceProperty = ns;
                await server.CreateAsync(job);
            });
            output.WriteLine($"api server: {Jobs} GpuJobs created in {created.Elapsed.TotalSeconds:F1} s");
            await OperatorHarness.SettleAsync(() => harness.Cache.Jobs.Count == Jobs && harness.Cache.Nodes.Count >= Nodes);

            await RunAsync("api server", harness, created, () => harness.Cache.Jobs.Snapshot().Count(j => j.Status?.Phase == JobPhase.Scheduled));
        }
        finally
        {
            await server.DeleteNodesAsync(nodes);
        }
    }

    private async Task RunAsync(string target, OperatorHarness harness, Stopwatch sinceCreate, Func<int> scheduled)
    {
        var windows = 0;
        var inWindows = TimeSpan.Zero;
        var planning = TimeSpan.Zero;
        while (scheduled() < Jobs && windows < 20)
        {
            var window = Stopwatch.StartNew();
            var report = await harness.Scheduler.Window.RunAsync(CancellationToken.None);
            inWindows += window.Elapsed;
            planning += report.Planning;
            windows++;
            output.WriteLine($"{target}: window {windows}: {report.Planned} planned, {report.Bound} bound, {report.PairsFormed} pairs in {window.Elapsed.TotalSeconds:F2} s (planning {report.Planning.TotalSeconds:F2} s)");
        }

        Assert.Equal(Jobs, scheduled());
        output.WriteLine($"{target}: {Jobs} jobs Scheduled in {sinceCreate.Elapsed.TotalSeconds:F2} s from the first create; {inWindows.TotalSeconds:F2} s in {windows} window(s) = {Jobs / inWindows.TotalSeconds:F0} binds/s; writes alone {Jobs / (inWindows - planning).TotalSeconds:F0} binds/s");
    }
}
