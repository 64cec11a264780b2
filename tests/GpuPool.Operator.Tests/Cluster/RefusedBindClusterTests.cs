using GpuPool.Operator.Kubernetes;
using GpuPool.Operator.Resources;
using GpuPool.Operator.Tests.Builders;
using GpuPool.Operator.Tests.Fakes;
using k8s;

namespace GpuPool.Operator.Tests.Cluster;

/// <summary>
/// On a real API server: a bind the server forbids (403, RBAC) deletes that pod and marks its job,
/// and the other job of the window is still bound.
/// </summary>
[Collection(ClusterTestGroup.Name)]
[Trait("Category", "Cluster")]
public sealed class RefusedBindClusterTests(ApiServerFixture server)
{
    [ClusterFact]
    public async Task A_bind_the_server_forbids_deletes_that_pod_and_marks_its_job_and_the_other_job_binds()
    {
        var ns = await server.NewNamespaceAsync("refused-bind");
        var node = "gpupool-test-" + ns;
        await server.CreateAsync(Objects.Node(node, gpus: 2));
        try
        {
            // The forbidden job has the highest priority, so it is written first; neither pairs.
            var forbidden = Objects.Job("forbidden", qos: 0.95, priority: 10);
            forbidden.Metadata.NamespaceProperty = ns;
            await server.CreateAsync(forbidden);
            var good = Objects.Job("good", qos: 0.95);
            good.Metadata.NamespaceProperty = ns;
            await server.CreateAsync(good);
            using var client = server.ClientWith(new ImpersonatingBindHandler(ns, GpuPoolApi.PodName("forbidden"), "gpupool-test-no-grants"));

            await using var harness = await OperatorHarness.StartAsync(new KubernetesClusterPort(client), configure: o => o.Namespaces.Add(ns));
            await OperatorHarness.SettleAsync(() => harness.Cache.Jobs.Count == 2 && harness.Cache.Nodes.Get(node) is not null);
            var report = await harness.WindowAsync();

            Assert.Equal((2, 1), (report.Planned, report.Bound));
            Assert.Equal(JobPhase.Scheduled, (await server.GetJobAsync(ns, "good")).Status?.Phase);
            var pods = await server.Client.CoreV1.ListNamespacedPodAsync(ns);
            var pod = Assert.Single(pods.Items);
            Assert.Equal((GpuPoolApi.PodName("good"), node), (pod.Metadata.Name, pod.Spec.NodeName));
            var status = (await server.GetJobAsync(ns, "forbidden")).Status;
            var condition = status?.Condition(ConditionTypes.Scheduled);
            Assert.Equal((JobPhase.Pending, "False", ConditionReasons.BindRejected), (status?.Phase, condition?.Status, condition?.Reason));
            Assert.Contains("HTTP 403 Forbidden", condition?.Message, StringComparison.Ordinal);
            var events = await server.Client.CoreV1.ListNamespacedEventAsync(ns);
            Assert.Single(events.Items, e => e.Reason == ConditionReasons.BindRejected && e.InvolvedObject.Name == "forbidden" && e.Type == "Warning");

            // Held back, and with no pod left nothing binds it later.
            Assert.Equal(0, (await harness.WindowAsync()).Planned);
            Assert.Single((await server.Client.CoreV1.ListNamespacedPodAsync(ns)).Items);
        }
        finally
        {
            await server.DeleteNodesAsync(node);
        }
    }
}
