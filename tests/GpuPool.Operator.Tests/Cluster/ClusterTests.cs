using System.Net;
using GpuPool.Contracts;
using GpuPool.Operator.Hosting;
using GpuPool.Operator.Kubernetes;
using GpuPool.Operator.Ports;
using GpuPool.Operator.Resources;
using GpuPool.Operator.Telemetry;
using GpuPool.Operator.Tests.Builders;
using GpuPool.Operator.Tests.Fakes;
using k8s;
using k8s.Autorest;
using k8s.Models;
using Microsoft.Extensions.Logging.Abstractions;

namespace GpuPool.Operator.Tests.Cluster;

/// <summary>The loop through the real KubernetesClient adapter against a real kube-apiserver.</summary>
[Collection(ClusterTestGroup.Name)]
[Trait("Category", "Cluster")]
public sealed class ClusterTests(ApiServerFixture server)
{
    [ClusterFact]
    public async Task Paired_jobs_are_bound_once_to_the_test_node_with_status_conditions_and_events()
    {
        var ns = await server.NewNamespaceAsync("pair");
        var node = "gpupool-test-" + ns;
        await server.CreateAsync(Objects.Node(node));
        try
        {
            await server.CreateAsync(InNamespace(Objects.Profile("resnet"), ns));
            await server.CreateAsync(InNamespace(Objects.Job("a", profile: "resnet"), ns));
            await server.CreateAsync(InNamespace(Objects.Job("b"), ns));
            var port = new KubernetesClusterPort(server.Client);
            await using var harness = await OperatorHarness.StartAsync(port, configure: o => o.Namespaces.Add(ns));
            await SeeAsync(harness, jobs: 2, node);

            var report = await harness.WindowAsync();

            Assert.Equal((2, 2, 1), (report.Planned, report.Bound, report.PairsFormed));
            foreach (var (job, partner) in new[] { ("a", "b"), ("b", "a") })
            {
                var pod = await server.Client.CoreV1.ReadNamespacedPodAsync(job + "-gpupool", ns);
                Assert.Equal((node, "gpupool"), (pod.Spec.NodeName, pod.Spec.SchedulerName));
                Assert.Equal($"{ns}/{partner}", pod.Metadata.Annotations[PodAnnotations.Partner]);
                var status = (await server.GetJobAsync(ns, job)).Status!;
                Assert.Equal((JobPhase.Scheduled, node, 0, $"{ns}/{partner}"), (status.Phase, status.Node, status.Gpu!.Value, status.Partner));
                Assert.Equal(ConditionReasons.Paired, status.Condition(ConditionTypes.Scheduled)!.Reason);
            }

            await Assert.ThrowsAsync<ApiConflictException>(() => port.BindPodAsync(ns, "a-gpupool", node, CancellationToken.None));
            var events = await server.Client.CoreV1.ListNamespacedEventAsync(ns);
            Assert.Equal(2, events.Items.Count(e => e.Reason == ConditionReasons.Paired && e.InvolvedObject.Kind == GpuPoolApi.JobKind));
        }
        finally
        {
            await server.DeleteNodesAsync(node);
        }
    }

    public static TheoryData<FakeOperation> CrashPoints => new() { FakeOperation.CreatePod, FakeOperation.BindPod, FakeOperation.PatchStatus };

    [ClusterTheory]
    [MemberData(nameof(CrashPoints))]
    public async Task A_crash_after_a_write_is_finished_exactly_once_by_the_restarted_operator(FakeOperation crashAfter)
    {
        var ns = await server.NewNamespaceAsync("crash");
        var node = "gpupool-test-" + ns;
        await server.CreateAsync(Objects.Node(node, gpus: 2));
        try
        {
            foreach (var name in new[] { "a", "b", "c" })
            {
                await server.CreateAsync(InNamespace(Objects.Job(name), ns));
            }

            await using var harness = await OperatorHarness.StartAsync(new CrashAfterPort(new KubernetesClusterPort(server.Client), crashAfter), configure: o => o.Namespaces.Add(ns));
            await SeeAsync(harness, jobs: 3, node);

            await Assert.ThrowsAsync<SimulatedCrashException>(() => harness.WindowAsync());
            await harness.RestartAsync();
            await SeeAsync(harness, jobs: 3, node);
            await harness.WindowAsync();

            var pods = (await server.Client.CoreV1.ListNamespacedPodAsync(ns)).Items;
            Assert.Equal(["a-gpupool", "b-gpupool", "c-gpupool"], pods.Select(p => p.Metadata.Name).Order());
            Assert.All(pods, p => Assert.Equal(node, p.Spec.NodeName));
            var statuses = new Dictionary<string, GpuJobStatus>();
            foreach (var name in new[] { "a", "b", "c" })
            {
                var status = (await server.GetJobAsync(ns, name)).Status!;
                Assert.Equal((JobPhase.Scheduled, node), (status.Phase, status.Node));
                Assert.True(status.Condition(ConditionTypes.Scheduled)!.IsTrue);
                statuses[$"{ns}/{name}"] = status;
            }

            // The pair decided before the crash is completed, not split: partners are mutual and share a GPU.
            foreach (var (key, status) in statuses.Where(s => s.Value.Partner is not null))
            {
                Assert.Equal(key, statuses[status.Partner!].Partner);
                Assert.Equal(status.Gpu, statuses[status.Partner!].Gpu);
            }
        }
        finally
        {
            await server.DeleteNodesAsync(node);
        }
    }

    [ClusterFact]
    public async Task A_pod_the_node_refused_is_deleted_and_its_job_waits_pending_without_its_old_placement()
    {
        var ns = await server.NewNamespaceAsync("refused");
        var node = "gpupool-test-" + ns;
        await server.CreateAsync(Objects.Node(node));
        try
        {
            await server.CreateAsync(InNamespace(Objects.Job("a"), ns));
            await using var harness = await OperatorHarness.StartAsync(new KubernetesClusterPort(server.Client), configure: o => o.Namespaces.Add(ns));
            await SeeAsync(harness, jobs: 1, node);
            await harness.WindowAsync();
            var placed = (await server.GetJobAsync(ns, "a")).Status!;

            // What a kubelet writes when admission fails; then the GPU goes away, so the job must wait.
            var pod = await server.Client.CoreV1.ReadNamespacedPodAsync("a-gpupool", ns);
            pod.Status = new V1PodStatus { Phase = "Failed", Reason = "UnexpectedAdmissionError", Message = "Allocate failed" };
            await server.Client.CoreV1.ReplaceNamespacedPodStatusAsync(pod, pod.Metadata.Name, ns);
            await server.DeleteNodesAsync(node);
            await OperatorHarness.SettleAsync(() => harness.Cache.Nodes.Get(node) is null && harness.Cache.Pods.Get($"{ns}/a-gpupool")?.Status?.Phase == "Failed");
            await harness.WindowAsync();

            var requeued = (await server.GetJobAsync(ns, "a")).Status!;
            Assert.Equal((JobPhase.Scheduled, node), (placed.Phase, placed.Node));
            Assert.Equal((JobPhase.Pending, 1), (requeued.Phase, requeued.Requeues));
            Assert.Equal((null, null, null), (requeued.Node, requeued.Gpu, requeued.Setting));
            Assert.Equal(ConditionReasons.NodeRefused, requeued.Condition(ConditionTypes.Scheduled)!.Reason);
            Assert.Empty((await server.Client.CoreV1.ListNamespacedPodAsync(ns)).Items);
        }
        finally
        {
            await server.DeleteNodesAsync(node);
        }
    }

    public static TheoryData<string, double, int> BadSpecs => new()
    {
        { "qosTarget 0", 0, 10 },
        { "qosTarget above 1", 1.5, 10 },
        { "iterations 0", 0.5, 0 },
    };

    [ClusterTheory]
    [MemberData(nameof(BadSpecs))]
    public async Task The_api_server_rejects_specs_the_schema_forbids(string name, double qos, int iterations)
    {
        var ns = await server.NewNamespaceAsync("schema");
        var job = InNamespace(Objects.Job("bad", qos: qos), ns);
        job.Spec = job.Spec with { Iterations = iterations };

        var error = await Assert.ThrowsAsync<HttpOperationException>(() => server.CreateAsync(job));

        Assert.True(error.Response.StatusCode == HttpStatusCode.UnprocessableEntity, $"{name}: HTTP {error.Response.StatusCode}");
    }

    [ClusterFact]
    public async Task The_leader_holds_the_lease_while_it_schedules()
    {
        var ns = await server.NewNamespaceAsync("lease");
        var port = new KubernetesClusterPort(server.Client);
        var metrics = new OperatorMetrics(Prometheus.Metrics.NewCustomRegistry());
        var gate = new LeaderGate(port.LeaseLock(ns, "gpupool-operator", "replica-1"), new LeaderElectionOptions { LeaseDurationSeconds = 5 }, metrics, NullLogger.Instance);
        using var stop = new CancellationTokenSource();
        var scheduling = new TaskCompletionSource();

        var run = gate.RunAsync(ct =>
        {
            scheduling.TrySetResult();
            return Task.Delay(Timeout.Infinite, ct).ContinueWith(_ => { }, TaskScheduler.Default);
        }, stop.Token);
        await scheduling.Task.WaitAsync(TimeSpan.FromSeconds(20));
        var lease = await server.Client.CoordinationV1.ReadNamespacedLeaseAsync("gpupool-operator", ns);
        await stop.CancelAsync();
        await run;

        Assert.Equal("replica-1", lease.Spec.HolderIdentity);
    }

    internal static T InNamespace<T>(T item, string ns)
        where T : IKubernetesObject<V1ObjectMeta>
    {
        item.Metadata.NamespaceProperty = ns;
        return item;
    }

    private static Task SeeAsync(OperatorHarness harness, int jobs, string node) =>
        OperatorHarness.SettleAsync(() => harness.Cache.Jobs.Count == jobs && harness.Cache.Nodes.Get(node) is not null);
}
