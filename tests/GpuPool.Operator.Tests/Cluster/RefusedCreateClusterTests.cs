using GpuPool.Operator.Kubernetes;
using GpuPool.Operator.Resources;
using GpuPool.Operator.Tests.Builders;
using GpuPool.Operator.Tests.Fakes;
using k8s;

namespace GpuPool.Operator.Tests.Cluster;

/// <summary>On a real API server: a job whose pod the server refuses (422) is marked, and the other jobs still bind.</summary>
[Collection(ClusterTestGroup.Name)]
[Trait("Category", "Cluster")]
public sealed class RefusedCreateClusterTests(ApiServerFixture server)
{
    public static TheoryData<string, string> RefusedJobs => new()
    {
        // job name (a valid GpuJob name, but the job label on its pod allows 63 characters), container name
        { "long-" + new string('x', 64), "main" },
        { "badcontainer", "Main_Container" },
    };

    [ClusterTheory]
    [MemberData(nameof(RefusedJobs))]
    public async Task A_job_whose_pod_the_server_refuses_is_marked_and_the_others_bind(string refusedName, string container)
    {
        var ns = await server.NewNamespaceAsync("refused");
        var node = "gpupool-test-" + ns;
        await server.CreateAsync(Objects.Node(node, gpus: 2));
        try
        {
            // The refused job has the highest priority, so it is written first.
            var refused = Objects.Job(refusedName, qos: 0.95, priority: 10);
            refused.Metadata.NamespaceProperty = ns;
            refused.Spec.Template!.Spec.Containers[0].Name = container;
            await server.CreateAsync(refused);
            var good = Objects.Job("good", qos: 0.95);
            good.Metadata.NamespaceProperty = ns;
            await server.CreateAsync(good);

            await using var harness = await OperatorHarness.StartAsync(new KubernetesClusterPort(server.Client), configure: o => o.Namespaces.Add(ns));
            await OperatorHarness.SettleAsync(() => harness.Cache.Jobs.Count == 2 && harness.Cache.Nodes.Get(node) is not null);
            var report = await harness.WindowAsync();

            Assert.Equal(1, report.Bound);
            Assert.Equal(JobPhase.Scheduled, (await server.GetJobAsync(ns, "good")).Status?.Phase);
            var status = (await server.GetJobAsync(ns, refusedName)).Status;
            var condition = status?.Condition(ConditionTypes.Scheduled);
            Assert.Equal((JobPhase.Pending, "False", ConditionReasons.PodRejected), (status?.Phase, condition?.Status, condition?.Reason));
            Assert.Contains("HTTP 422 Invalid", condition?.Message, StringComparison.Ordinal);
            var events = await server.Client.CoreV1.ListNamespacedEventAsync(ns);
            Assert.Single(events.Items, e => e.Reason == ConditionReasons.PodRejected && e.InvolvedObject.Name == refusedName && e.Type == "Warning");
        }
        finally
        {
            await server.DeleteNodesAsync(node);
        }
    }
}
