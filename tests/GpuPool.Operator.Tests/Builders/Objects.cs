using GpuPool.Contracts.Inventory;
using GpuPool.Contracts.Workloads;
using GpuPool.DevicePlugin.Devices;
using GpuPool.DevicePlugin.Inventory;
using GpuPool.Operator.Resources;
using k8s.Models;

namespace GpuPool.Operator.Tests.Builders;

/// <summary>Small builders for the cluster objects the tests need.</summary>
public static class Objects
{
    public const string Namespace = "team-a";

    public static KernelSpec Kernel(string id, double seconds = 0.01) => new()
    {
        Id = id,
        GridBlocks = 160,
        ThreadsPerBlock = 256,
        RegistersPerThread = 32,
        SharedMemoryPerBlockBytes = 0,
        IsolatedSeconds = seconds,
        Counters = new Dictionary<string, double> { ["ipc"] = 1.5, ["avg_dram_bw"] = 0.4 },
    };

    public static GpuJob Job(string name, double qos = 0.5, string? profile = null, IReadOnlyList<KernelSpec>? kernels = null, long memoryMiB = 4096, int? priority = null) => new()
    {
        Metadata = new V1ObjectMeta { Name = name, NamespaceProperty = Namespace },
        Spec = new GpuJobSpec
        {
            Template = new V1PodTemplateSpec
            {
                Spec = new V1PodSpec { Containers = [new V1Container { Name = "main", Image = "gpupool:dev" }], RestartPolicy = "Never" },
            },
            ProfileRef = profile,
            Kernels = profile is null ? kernels ?? [Kernel(name + "-k0"), Kernel(name + "-k1")] : null,
            QosTarget = qos,
            Iterations = 10,
            GpuMemoryMiB = memoryMiB,
            Priority = priority,
        },
    };

    public static GpuProfile Profile(string name, params KernelSpec[] kernels) => new()
    {
        Metadata = new V1ObjectMeta { Name = name, NamespaceProperty = Namespace },
        Spec = new GpuProfileSpec { Kernels = kernels.Length == 0 ? [Kernel(name + "-k0")] : kernels },
    };

    /// <summary>
    /// A Ready node with the device plugin's inventory annotation (or, with <paramref name="labelsOnly"/>,
    /// only labels and capacity); <paramref name="cpu"/> and <paramref name="memory"/> are its allocatable quantities.
    /// </summary>
    public static V1Node Node(string name, int gpus = 1, bool labelsOnly = false, long memoryMiB = 32768, string cpu = "16", string memory = "64Gi")
    {
        var node = new V1Node
        {
            Metadata = new V1ObjectMeta
            {
                Name = name,
                Labels = new Dictionary<string, string> { [NodeInventoryDocument.ModelLabel] = "V100", [NodeInventoryDocument.CountLabel] = gpus.ToString(System.Globalization.CultureInfo.InvariantCulture) },
            },
            Status = new V1NodeStatus
            {
                // What the device plugin registers: one resource per GPU, one device per percent.
                Capacity = Enumerable.Range(0, gpus).ToDictionary(i => $"gpupool.io/gpu-{i}", _ => new ResourceQuantity("100")),
                // What a kubelet reports: Ready, and what it allocates (the GPUs, CPU and memory).
                Allocatable = Enumerable.Range(0, gpus)
                    .ToDictionary(i => $"gpupool.io/gpu-{i}", _ => new ResourceQuantity("100"))
                    .Concat(new Dictionary<string, ResourceQuantity> { ["cpu"] = new(cpu), ["memory"] = new(memory), ["pods"] = new("110") })
                    .ToDictionary(),
                Conditions = [new V1NodeCondition { Type = "Ready", Status = "True", Reason = "KubeletReady" }],
            },
        };
        if (!labelsOnly)
        {
            // What the device plugin publishes, written by its own code.
            var devices = Enumerable.Range(0, gpus).Select(i => new GpuDevice(i, $"GPU-{name}-{i}", "V100", memoryMiB, 80, Healthy: true)).ToList();
            node.Metadata.Annotations = new Dictionary<string, string>
            {
                [NodeInventoryDocument.AnnotationKey] = NodeInventoryDocuments.From(devices).ToJson(),
            };
        }

        return node;
    }
}
