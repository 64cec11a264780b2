using GpuPool.Operator.Resources;
using k8s;
using k8s.Autorest;
using k8s.Models;

namespace GpuPool.Operator.Tests.Cluster;

/// <summary>
/// The real API server of the Cluster tests: installs the CRDs from crds/ once and waits until
/// they are Established. Tests make their own namespace and nodes and delete their nodes by name
/// (a v1.20 server without controller-manager never finishes a namespace deletion).
/// </summary>
public sealed class ApiServerFixture : IAsyncLifetime, IDisposable
{
    public const string TestNodeLabel = "gpupool.io/test-node";

    private k8s.Kubernetes? _client;
    private string? _kubeconfig;

    public IKubernetes Client => _client ?? throw new InvalidOperationException($"{ClusterFactAttribute.Variable} is not set.");

    /// <summary>Another client of the same server, its requests passed through <paramref name="handlers"/>.</summary>
    public k8s.Kubernetes ClientWith(params DelegatingHandler[] handlers) =>
        new(KubernetesClientConfiguration.BuildConfigFromConfigFile(_kubeconfig ?? throw new InvalidOperationException($"{ClusterFactAttribute.Variable} is not set.")), handlers);

    public async Task InitializeAsync()
    {
        var path = Environment.GetEnvironmentVariable(ClusterFactAttribute.Variable);
        if (string.IsNullOrEmpty(path))
        {
            return;
        }

        _kubeconfig = path;
        _client = new k8s.Kubernetes(KubernetesClientConfiguration.BuildConfigFromConfigFile(path));
        foreach (var file in Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "crds"), "*.yaml"))
        {
            await ApplyCrdAsync(KubernetesYaml.Deserialize<V1CustomResourceDefinition>(await File.ReadAllTextAsync(file)));
        }

        // Nodes left by an earlier, interrupted run would offer GPUs to this one.
        var stale = await Client.CoreV1.ListNodeAsync(labelSelector: TestNodeLabel);
        foreach (var node in stale.Items)
        {
            await Client.CoreV1.DeleteNodeAsync(node.Metadata.Name);
        }
    }

    public Task DisposeAsync()
    {
        Dispose();
        return Task.CompletedTask;
    }

    public void Dispose() => _client?.Dispose();

    public async Task<string> NewNamespaceAsync(string prefix)
    {
        var name = $"{prefix}-{Guid.NewGuid().ToString("N")[..8]}";
        await Client.CoreV1.CreateNamespaceAsync(new V1Namespace { Metadata = new V1ObjectMeta { Name = name } });
        return name;
    }

    public async Task CreateAsync(GpuJob job) =>
        await Client.CustomObjects.CreateNamespacedCustomObjectAsync(job, GpuPoolApi.Group, GpuPoolApi.Version, job.Metadata.NamespaceProperty, GpuPoolApi.JobPlural);

    public async Task CreateAsync(GpuProfile profile) =>
        await Client.CustomObjects.CreateNamespacedCustomObjectAsync(profile, GpuPoolApi.Group, GpuPoolApi.Version, profile.Metadata.NamespaceProperty, GpuPoolApi.ProfilePlural);

    /// <summary>
    /// A node as the device plugin would leave it (labels, inventory, capacity), with no kubelet
    /// behind it. The server taints a new node node.kubernetes.io/not-ready (TaintNodesByCondition);
    /// with no node lifecycle controller here to lift it, the node gets exactly the taints given.
    /// </summary>
    public async Task CreateAsync(V1Node node)
    {
        ArgumentNullException.ThrowIfNull(node);
        node.Metadata.Labels[TestNodeLabel] = "true";
        var status = node.Status;
        var taints = node.Spec?.Taints;
        node.Status = null;
        var created = await Client.CoreV1.CreateNodeAsync(node);
        if (created.Spec?.Taints?.Any(t => taints?.Any(g => g.Key == t.Key) != true) == true)
        {
            created.Spec.Taints = taints;
            created = await Client.CoreV1.ReplaceNodeAsync(created, created.Metadata.Name);
        }

        created.Status = status;
        await Client.CoreV1.ReplaceNodeStatusAsync(created, created.Metadata.Name);
    }

    public async Task DeleteNodesAsync(params string[] names)
    {
        foreach (var name in names)
        {
            try
            {
                await Client.CoreV1.DeleteNodeAsync(name);
            }
            catch (HttpOperationException e) when (e.Response.StatusCode == System.Net.HttpStatusCode.NotFound)
            {
                // Already gone.
            }
        }
    }

    public async Task<GpuJob> GetJobAsync(string ns, string name)
    {
        var raw = await Client.CustomObjects.GetNamespacedCustomObjectAsync(GpuPoolApi.Group, GpuPoolApi.Version, ns, GpuPoolApi.JobPlural, name);
        return KubernetesJson.Deserialize<GpuJob>(KubernetesJson.Serialize(raw));
    }

    private async Task ApplyCrdAsync(V1CustomResourceDefinition crd)
    {
        try
        {
            await Client.ApiextensionsV1.CreateCustomResourceDefinitionAsync(crd);
        }
        catch (HttpOperationException e) when (e.Response.StatusCode == System.Net.HttpStatusCode.Conflict)
        {
            var existing = await Client.ApiextensionsV1.ReadCustomResourceDefinitionAsync(crd.Metadata.Name);
            crd.Metadata.ResourceVersion = existing.Metadata.ResourceVersion;
            await Client.ApiextensionsV1.ReplaceCustomResourceDefinitionAsync(crd, crd.Metadata.Name);
        }

        for (var i = 0; i < 100; i++)
        {
            var current = await Client.ApiextensionsV1.ReadCustomResourceDefinitionAsync(crd.Metadata.Name);
            if (current.Status?.Conditions?.Any(c => c.Type == "Established" && c.Status == "True") == true)
            {
                return;
            }

            await Task.Delay(100);
        }

        throw new InvalidOperationException($"CRD {crd.Metadata.Name} did not become Established.");
    }
}
