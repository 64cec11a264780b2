using GpuPool.Contracts;
using GpuPool.Operator.Kubernetes;
using GpuPool.Operator.Resources;
using GpuPool.Operator.Tests.Builders;
using GpuPool.Operator.Tests.Fakes;
using GpuPool.Operator.Tests.Scheduling;
using k8s;
using k8s.Models;

namespace GpuPool.Operator.Tests.Cluster;

/// <summary>
/// On a real API server (which rewrites pods as it stores them): the operator believes only the
/// placements it sealed, and a GPU any other pod holds is not shared.
/// </summary>
[Collection(ClusterTestGroup.Name)]
[Trait("Category", "Cluster")]
public sealed class ForgedPlacementClusterTests(ApiServerFixture server)
{
    [ClusterFact]
    public async Task A_pod_in_another_namespace_naming_a_job_as_its_partner_does_not_get_that_job_placed_beside_it()
    {
        var victimNs = await server.NewNamespaceAsync("victim");
        var forgerNs = await server.NewNamespaceAsync("forger");
        var node = "gpupool-test-" + victimNs;
        await server.CreateAsync(Objects.Node(node, gpus: 3));
        try
        {
            await server.CreateAsync(ClusterTests.InNamespace(Objects.Job("victim"), victimNs));
            await server.CreateAsync(ClusterTests.InNamespace(Objects.Job("squatter"), forgerNs));
            var squatter = await server.GetJobAsync(forgerNs, "squatter");
            var forged = ForgedPlacementTests.Forged("none", squatter.Metadata.Uid);
            forged.Metadata.NamespaceProperty = forgerNs;
            forged.Metadata.Annotations[PodAnnotations.Partner] = $"{victimNs}/victim";
            forged.Spec.NodeName = node;
            await server.Client.CoreV1.CreateNamespacedPodAsync(forged, forgerNs);
            await using var harness = await StartAsync(new PairTablePredictor().Clash("victim", "squatter"), victimNs, forgerNs);
            await OperatorHarness.SettleAsync(() => harness.Cache.Jobs.Count == 2 && harness.Cache.Pods.Count == 1 && harness.Cache.Nodes.Get(node) is not null);

            await harness.WindowAsync();

            var victim = (await server.GetJobAsync(victimNs, "victim")).Status!;
            var pod = await server.Client.CoreV1.ReadNamespacedPodAsync("victim-gpupool", victimNs);
            Assert.Equal((JobPhase.Scheduled, (string?)null), (victim.Phase, victim.Partner));
            Assert.NotEqual(0, victim.Gpu);
            Assert.Equal("100", pod.Spec.Containers[0].Resources.Limits[$"gpupool.io/gpu-{victim.Gpu}"].ToString());
            Assert.Equal(1, harness.Metrics.UnverifiedPods.Value);
        }
        finally
        {
            await server.DeleteNodesAsync(node);
        }
    }

    [ClusterFact]
    public async Task A_gpu_a_pod_the_operator_did_not_create_holds_is_not_given_to_a_job()
    {
        var ns = await server.NewNamespaceAsync("foreign");
        var node = "gpupool-test-" + ns;
        await server.CreateAsync(Objects.Node(node, gpus: 2));
        try
        {
            await CreateForeignPodAsync(ns, node, "30");
            await server.CreateAsync(ClusterTests.InNamespace(Objects.Job("a"), ns));
            await using var harness = await StartAsync(new PairTablePredictor(), ns);
            await OperatorHarness.SettleAsync(() => harness.Cache.Jobs.Count == 1 && harness.Cache.Pods.Count == 1 && harness.Cache.Nodes.Get(node) is not null);

            await harness.WindowAsync();

            Assert.Equal(1, (await server.GetJobAsync(ns, "a")).Status!.Gpu);
        }
        finally
        {
            await server.DeleteNodesAsync(node);
        }
    }

    [ClusterFact]
    public async Task A_running_job_whose_gpu_a_foreign_pod_also_holds_gets_no_partner()
    {
        var ns = await server.NewNamespaceAsync("beside");
        var node = "gpupool-test-" + ns;
        await server.CreateAsync(Objects.Node(node));
        try
        {
            await server.CreateAsync(ClusterTests.InNamespace(Objects.Job("a"), ns));
            await server.CreateAsync(ClusterTests.InNamespace(Objects.Job("b"), ns));
            await using var harness = await StartAsync(new PairTablePredictor(), ns);
            await OperatorHarness.SettleAsync(() => harness.Cache.Jobs.Count == 2 && harness.Cache.Nodes.Get(node) is not null);
            await harness.WindowAsync();
            await SetPhaseAsync(ns, "a-gpupool", "Running");
            await SetPhaseAsync(ns, "b-gpupool", "Succeeded");
            await CreateForeignPodAsync(ns, node, "30");
            await server.CreateAsync(ClusterTests.InNamespace(Objects.Job("c"), ns));
            await OperatorHarness.SettleAsync(() => harness.Cache.Jobs.Count == 3 && harness.Cache.Pods.Count == 3 && harness.Cache.Pods.Get($"{ns}/b-gpupool")?.Status?.Phase == "Succeeded");

            await harness.WindowAsync();

            Assert.Equal($"{ns}/b", (await server.GetJobAsync(ns, "a")).Status!.Partner);
            var c = (await server.GetJobAsync(ns, "c")).Status;
            Assert.Equal((JobPhase.Pending, (int?)null), (c?.Phase ?? JobPhase.Pending, c?.Gpu));
            Assert.Null(await ReadPodOrNullAsync(ns, "c-gpupool"));
        }
        finally
        {
            await server.DeleteNodesAsync(node);
        }
    }

    private Task<OperatorHarness> StartAsync(PairTablePredictor predictor, params string[] namespaces) =>
        OperatorHarness.StartAsync(new KubernetesClusterPort(server.Client), predictor, o =>
        {
            foreach (var ns in namespaces)
            {
                o.Namespaces.Add(ns);
            }
        });

    private async Task CreateForeignPodAsync(string ns, string node, string units)
    {
        var pod = GpuOccupancyTests.ForeignPod("squatter", (node, "gpupool.io/gpu-0", units, "Running"));
        pod.Metadata.NamespaceProperty = ns;
        pod.Spec.Containers[0].Image = "busybox";
        var status = pod.Status;
        pod.Status = null;
        var created = await server.Client.CoreV1.CreateNamespacedPodAsync(pod, ns);
        created.Status = status;
        await server.Client.CoreV1.ReplaceNamespacedPodStatusAsync(created, created.Metadata.Name, ns);
    }

    private async Task SetPhaseAsync(string ns, string name, string phase)
    {
        var pod = await server.Client.CoreV1.ReadNamespacedPodAsync(name, ns);
        pod.Status = new V1PodStatus { Phase = phase, StartTime = DateTime.UtcNow.AddSeconds(-10) };
        await server.Client.CoreV1.ReplaceNamespacedPodStatusAsync(pod, name, ns);
    }

    private async Task<V1Pod?> ReadPodOrNullAsync(string ns, string name) =>
        (await server.Client.CoreV1.ListNamespacedPodAsync(ns, fieldSelector: $"metadata.name={name}")).Items.SingleOrDefault();
}
