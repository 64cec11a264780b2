using System.Net;
using System.Net.Sockets;
using GpuPool.Operator.Kubernetes;
using GpuPool.Operator.Resources;
using k8s;
using k8s.Autorest;
using k8s.Models;

namespace GpuPool.Node.Tests;

/// <summary>
/// The real node with GpuPool on it: the CRDs installed, the device plugin (simulated GPUs, the
/// node emulator) and the operator running as host processes against the node's API server.
/// Each test makes its own namespace, so the tests can be rerun on a node a developer keeps.
/// </summary>
public sealed class NodeFixture : IAsyncLifetime, IDisposable
{
    public const int SimulatedGpus = 16;
    public const string ResourcePrefix = "gpupool.io/gpu";

    private k8s.Kubernetes? _client;
    private readonly System.Collections.Concurrent.ConcurrentBag<string> _namespaces = [];

    public NodeEnvironment Node { get; private set; } = null!;

    public IKubernetes Client => _client ?? throw new InvalidOperationException($"{NodeEnvironment.Variable} is not set.");

    public HostProcess DevicePlugin { get; private set; } = null!;

    public HostProcess Operator { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        if (string.IsNullOrEmpty(Environment.GetEnvironmentVariable(NodeEnvironment.Variable)))
        {
            return;
        }

        Node = NodeEnvironment.Load();
        _client = new k8s.Kubernetes(KubernetesClientConfiguration.BuildConfigFromConfigFile(Node.Kubeconfig));
        foreach (var file in Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "crds"), "*.yaml"))
        {
            await ApplyCrdAsync(KubernetesYaml.Deserialize<V1CustomResourceDefinition>(await File.ReadAllTextAsync(file)));
        }

        var emulatorDir = Path.Combine(Node.StateDir, "emulator");
        Directory.CreateDirectory(emulatorDir);
        // One placement key per run, shared as the chart's Secret shares it: the operator seals, the plugin verifies.
        var placementKey = Guid.NewGuid().ToString("N") + Guid.NewGuid().ToString("N");
        DevicePlugin = new HostProcess(
            RepositoryLayout.AppDll("GpuPool.DevicePlugin", "GpuPool.DevicePlugin.dll"),
            new Dictionary<string, string>
            {
                ["KUBECONFIG"] = Node.Kubeconfig,
                ["GpuPool__DevicePlugin__Mode"] = "simulated",
                ["GpuPool__DevicePlugin__NodeName"] = Node.NodeName,
                ["GpuPool__DevicePlugin__Simulated__Count"] = SimulatedGpus.ToString(System.Globalization.CultureInfo.InvariantCulture),
                ["GpuPool__DevicePlugin__EmulatorSocket"] = Path.Combine(emulatorDir, "emulator.sock"),
                ["GpuPool__DevicePlugin__EmulatorTimeScale"] = "4",
                ["GpuPool__DevicePlugin__HttpPort"] = FreePort(),
                ["GpuPool__DevicePlugin__PlacementKey"] = placementKey,
            },
            Path.Combine(Node.StateDir, "device-plugin.log"));
        Operator = new HostProcess(
            RepositoryLayout.AppDll("GpuPool.Operator", "GpuPool.Operator.dll"),
            new Dictionary<string, string>
            {
                ["KUBECONFIG"] = Node.Kubeconfig,
                ["GpuPool__Operator__WindowSeconds"] = "3",
                ["GpuPool__Operator__HttpPort"] = FreePort(),
                ["GpuPool__Operator__PlacementKey"] = placementKey,
                ["GpuPool__Operator__LeaderElection__LeaseNamespace"] = "default",
                ["GpuPool__Operator__ObservationsPath"] = Path.Combine(Node.StateDir, "observations.jsonl"),
            },
            Path.Combine(Node.StateDir, "operator.log"));
        DevicePlugin.Start();
        Operator.Start();
    }

    // The namespaces the tests made go with the run (their jobs and pods with them), so a node a
    // developer keeps running holds nothing of an earlier run; the API server finishes in the background.
    public async Task DisposeAsync()
    {
        if (_client is not null)
        {
            foreach (var name in _namespaces)
            {
                await _client.CoreV1.DeleteNamespaceAsync(name, propagationPolicy: "Background");
            }
        }

        Dispose();
    }

    public void Dispose()
    {
        Operator?.Dispose();
        DevicePlugin?.Dispose();
        _client?.Dispose();
    }

    public async Task<string> NewNamespaceAsync(string prefix)
    {
        var name = $"{prefix}-{Guid.NewGuid().ToString("N")[..8]}";
        await Client.CoreV1.CreateNamespaceAsync(new V1Namespace { Metadata = new V1ObjectMeta { Name = name } });
        _namespaces.Add(name);

        // The node's API server admits pods through the ServiceAccount plugin: a pod is refused
        // until the controller-manager has made the namespace's default ServiceAccount and its token.
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            var accounts = await Client.CoreV1.ListNamespacedServiceAccountAsync(name);
            if (accounts.Items.Any(a => a.Metadata.Name == "default" && a.Secrets is { Count: > 0 }))
            {
                return name;
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new InvalidOperationException($"namespace {name} has no default ServiceAccount with a token after 30 s: is the node's kube-controller-manager running?");
            }

            await Task.Delay(200);
        }
    }

    /// <summary>The samples' GpuProfiles, created in <paramref name="ns"/>.</summary>
    public async Task CreateSampleProfilesAsync(string ns)
    {
        foreach (var profile in Workloads.Sample<GpuProfile>("profiles.yaml", "GpuProfile"))
        {
            profile.Metadata.NamespaceProperty = ns;
            await Client.CustomObjects.CreateNamespacedCustomObjectAsync(profile, GpuPoolApi.Group, GpuPoolApi.Version, ns, GpuPoolApi.ProfilePlural);
        }
    }

    /// <summary>Creates <paramref name="job"/> in <paramref name="ns"/>, as <c>kubectl apply</c> would.</summary>
    public Task<object> CreateJobAsync(GpuJob job, string ns)
    {
        ArgumentNullException.ThrowIfNull(job);
        job.Metadata.NamespaceProperty = ns;
        return Client.CustomObjects.CreateNamespacedCustomObjectAsync(job, GpuPoolApi.Group, GpuPoolApi.Version, ns, GpuPoolApi.JobPlural);
    }

    /// <summary>The node's allocatable share units of each simulated GPU resource.</summary>
    public async Task<IReadOnlyDictionary<string, long>> GpuAllocatableAsync()
    {
        var node = await Client.CoreV1.ReadNodeAsync(Node.NodeName);
        return (node.Status?.Allocatable ?? new Dictionary<string, ResourceQuantity>())
            .Where(kv => kv.Key.StartsWith(ResourcePrefix, StringComparison.Ordinal))
            .ToDictionary(kv => kv.Key, kv => kv.Value.ToInt64(), StringComparer.Ordinal);
    }

    /// <summary>Polls CONDITION every second until it holds or TIMEOUT passes; fails with WHAT and the app logs.</summary>
    public async Task WaitUntilAsync(Func<Task<bool>> condition, TimeSpan timeout, string what)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (!await condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"{what} within {timeout.TotalSeconds} s.\n--- device plugin ---\n{DevicePlugin.LogTail()}\n--- operator ---\n{Operator.LogTail()}");
            }

            await Task.Delay(1000);
        }
    }

    private static string FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port.ToString(System.Globalization.CultureInfo.InvariantCulture);
    }

    private async Task ApplyCrdAsync(V1CustomResourceDefinition crd)
    {
        try
        {
            await Client.ApiextensionsV1.CreateCustomResourceDefinitionAsync(crd);
        }
        catch (HttpOperationException e) when (e.Response.StatusCode == HttpStatusCode.Conflict)
        {
            var existing = await Client.ApiextensionsV1.ReadCustomResourceDefinitionAsync(crd.Metadata.Name);
            crd.Metadata.ResourceVersion = existing.Metadata.ResourceVersion;
            await Client.ApiextensionsV1.ReplaceCustomResourceDefinitionAsync(crd, crd.Metadata.Name);
        }

        await WaitUntilAsync(
            async () => (await Client.ApiextensionsV1.ReadCustomResourceDefinitionAsync(crd.Metadata.Name)).Status?.Conditions?
                .Any(c => c.Type == "Established" && c.Status == "True") == true,
            TimeSpan.FromSeconds(30), $"CRD {crd.Metadata.Name} Established");
    }
}
