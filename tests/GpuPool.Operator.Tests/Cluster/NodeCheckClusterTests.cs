using GpuPool.Operator.Kubernetes;
using GpuPool.Operator.Resources;
using GpuPool.Operator.Tests.Builders;
using GpuPool.Operator.Tests.Fakes;
using k8s;
using k8s.Models;

namespace GpuPool.Operator.Tests.Cluster;

/// <summary>On a real API server: no pod for a node that would refuse it, a condition naming the check, and the pod once a node passes.</summary>
[Collection(ClusterTestGroup.Name)]
[Trait("Category", "Cluster")]
public sealed class NodeCheckClusterTests(ApiServerFixture server)
{
    public static TheoryData<string, string> BadNodes => new()
    {
        // what is wrong with the node, the reason the job gets
        { "not-ready", ConditionReasons.NodeNotReady },
        { "tainted", ConditionReasons.Taint },
    };

    [ClusterTheory]
    [MemberData(nameof(BadNodes))]
    public async Task A_job_waits_with_the_reason_while_only_a_refusing_node_has_a_gpu_then_binds_to_a_good_one(string fault, string reason)
    {
        var ns = await server.NewNamespaceAsync("nodecheck");
        var bad = $"gpupool-test-{ns}-{fault}";
        var good = $"gpupool-test-{ns}-good";
        var node = Objects.Node(bad);
        if (fault == "tainted")
        {
            node.Spec = new V1NodeSpec { Taints = [new V1Taint { Key = "gpupool.io/reserved", Value = "ops", Effect = "NoSchedule" }] };
        }
        else
        {
            node.Status.Conditions[0].Status = "False";
            node.Status.Conditions[0].Reason = "KubeletNotReady";
        }

        await server.CreateAsync(node);
        try
        {
            var job = Objects.Job("solo");
            job.Metadata.NamespaceProperty = ns;
            await server.CreateAsync(job);
            await using var harness = await OperatorHarness.StartAsync(new KubernetesClusterPort(server.Client), configure: o => o.Namespaces.Add(ns));
            await OperatorHarness.SettleAsync(() => harness.Cache.Jobs.Count == 1 && HasStatus(harness, bad));

            var refused = await harness.WindowAsync();

            Assert.Equal(0, refused.Planned);
            Assert.Empty((await server.Client.CoreV1.ListNamespacedPodAsync(ns)).Items);
            var condition = (await server.GetJobAsync(ns, "solo")).Status?.Condition(ConditionTypes.Scheduled);
            Assert.Equal(("False", reason), (condition?.Status, condition?.Reason));
            Assert.Contains(bad, condition?.Message, StringComparison.Ordinal);

            await server.CreateAsync(Objects.Node(good));
            await OperatorHarness.SettleAsync(() => HasStatus(harness, good));
            var placed = await harness.WindowAsync();

            Assert.Equal(1, placed.Bound);
            var pod = await server.Client.CoreV1.ReadNamespacedPodAsync(GpuPoolApi.PodName("solo"), ns);
            Assert.Equal(good, pod.Spec.NodeName);
        }
        finally
        {
            await server.DeleteNodesAsync(bad, good);
        }
    }

    /// <summary>The node's last write (its status) has reached the cache, not only its creation (which still carries the server's not-ready taint).</summary>
    private static bool HasStatus(OperatorHarness harness, string node) =>
        harness.Cache.Nodes.Get(node)?.Status?.Conditions is { Count: > 0 };
}
