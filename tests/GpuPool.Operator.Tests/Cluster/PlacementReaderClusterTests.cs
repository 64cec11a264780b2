using GpuPool.Contracts;
using GpuPool.DevicePlugin.Allocation;
using GpuPool.DevicePlugin.Kubernetes;
using GpuPool.DevicePlugin.Options;
using GpuPool.Operator.Kubernetes;
using GpuPool.Operator.Resources;
using GpuPool.Operator.Tests.Builders;
using GpuPool.Operator.Tests.Fakes;
using Grpc.Core;
using k8s;
using k8s.Models;

namespace GpuPool.Operator.Tests.Cluster;

/// <summary>
/// The device plugin's Allocate check over its real API adapter: the operator places a job on a
/// real API server (which rewrites the pod as it stores it), then the plugin's guard, reading pods
/// and GpuJobs through <see cref="KubernetesPlacementReader"/>, serves that pod and nothing else.
/// </summary>
[Collection(ClusterTestGroup.Name)]
[Trait("Category", "Cluster")]
public sealed class PlacementReaderClusterTests(ApiServerFixture server)
{
    public static TheoryData<string, Func<ApiServerFixture, string, string, Task>, StatusCode?> Cases => new()
    {
        // case, what happens after the operator placed job "a" and before the kubelet asks, refusal (null: served)
        { "nothing: the operator's pod", (_, _, _) => Task.CompletedTask, null },
        { "a hand-written pod in another namespace asks for the same GPU and units", CreateForgedPodAsync, StatusCode.PermissionDenied },
        { "the GpuJob is deleted", (s, ns, _) => DeleteJobAsync(s, ns), StatusCode.PermissionDenied },
        { "the GpuJob is deleted and created again (another uid)", (s, ns, _) => RecreateJobAsync(s, ns), StatusCode.PermissionDenied },
    };

    [ClusterTheory]
    [MemberData(nameof(Cases))]
    public async Task Allocate_serves_the_pod_the_operator_placed_and_refuses_when_anything_else_asks(
        string name, Func<ApiServerFixture, string, string, Task> meanwhile, StatusCode? refusal)
    {
        var ns = await server.NewNamespaceAsync("allocate");
        var node = "gpupool-test-" + ns;
        await server.CreateAsync(Objects.Node(node));
        try
        {
            await server.CreateAsync(ClusterTests.InNamespace(Objects.Job("a"), ns));
            await using (var harness = await OperatorHarness.StartAsync(new KubernetesClusterPort(server.Client), new PairTablePredictor(), o => o.Namespaces.Add(ns)))
            {
                await OperatorHarness.SettleAsync(() => harness.Cache.Jobs.Count == 1 && harness.Cache.Nodes.Get(node) is not null);
                await harness.WindowAsync();
            }

            var gpu = (await server.GetJobAsync(ns, "a")).Status?.Gpu ?? throw new InvalidOperationException($"{name}: job a was not placed");
            await meanwhile(server, ns, node);

            var error = await Record.ExceptionAsync(() => GuardOf(node).AuthorizeAsync(gpu, GpuResources.Name(GpuResources.DefaultPrefix, gpu), GpuResources.UnitsPerGpu, CancellationToken.None));

            Assert.True(refusal == (error as RpcException)?.StatusCode, $"{name}: {error?.Message ?? "served"}");
        }
        finally
        {
            await server.DeleteNodesAsync(node);
        }
    }

    // The plugin's own client, made from the test server's kubeconfig as the plugin makes its own.
    private static PlacementGuard GuardOf(string node)
    {
        var kubeconfig = Environment.GetEnvironmentVariable(ClusterFactAttribute.Variable)!;
        var provider = new KubernetesClientProvider(() => new k8s.Kubernetes(KubernetesClientConfiguration.BuildConfigFromConfigFile(kubeconfig)));
        var options = Microsoft.Extensions.Options.Options.Create(new DevicePluginOptions { NodeName = node, PlacementKey = OperatorHarness.PlacementKey });
        return new PlacementGuard(new KubernetesPlacementReader(provider), options);
    }

    private static async Task CreateForgedPodAsync(ApiServerFixture server, string ns, string node)
    {
        var placed = await server.Client.CoreV1.ReadNamespacedPodAsync(GpuPoolApi.PodName("a"), ns);
        var forgerNs = await server.NewNamespaceAsync("forger");
        var forged = new V1Pod
        {
            Metadata = new V1ObjectMeta { Name = "squatter", Annotations = placed.Metadata.Annotations },
            Spec = new V1PodSpec
            {
                NodeName = node,
                Containers = [new V1Container { Name = "main", Image = "busybox", Resources = placed.Spec.Containers[0].Resources }],
            },
        };
        await server.Client.CoreV1.CreateNamespacedPodAsync(forged, forgerNs);
    }

    private static async Task DeleteJobAsync(ApiServerFixture server, string ns) =>
        await server.Client.CustomObjects.DeleteNamespacedCustomObjectAsync(GpuPoolApi.Group, GpuPoolApi.Version, ns, GpuPoolApi.JobPlural, "a");

    private static async Task RecreateJobAsync(ApiServerFixture server, string ns)
    {
        await DeleteJobAsync(server, ns);
        await server.CreateAsync(ClusterTests.InNamespace(Objects.Job("a"), ns));
    }
}
