using GpuPool.Contracts.Inventory;
using GpuPool.Operator.Scheduling;
using GpuPool.Operator.Tests.Builders;
using k8s.Models;

namespace GpuPool.Operator.Tests.Scheduling;

/// <summary>Node inventory: the annotation, or labels and capacity with V100 defaults (reported), or nothing.</summary>
public sealed class NodeInventoryReaderTests
{
    public static TheoryData<string, int, long, bool, bool> Cases => new()
    {
        // case, GPUs, memory MiB, from annotation, problem reported
        { "annotation", 2, 16384, true, false },
        { "labels and capacity", 3, 32768, false, true },
        { "broken annotation", 2, 32768, false, true },
        { "capacity without labels", 3, 32768, false, true },
        { "capacity of another prefix", 0, 0, false, false },
        { "cordoned", 0, 0, false, false },
        { "no gpus", 0, 0, false, false },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Inventory_is_read_from_what_the_node_offers(string name, int gpus, long memory, bool fromAnnotation, bool reported)
    {
        var node = name switch
        {
            "annotation" => Objects.Node("n", gpus: 2, memoryMiB: 16384),
            "labels and capacity" => Objects.Node("n", gpus: 3, labelsOnly: true),
            "broken annotation" => Objects.Node("n", gpus: 2),
            "cordoned" => Objects.Node("n", gpus: 2),
            "capacity without labels" => Objects.Node("n", gpus: 3, labelsOnly: true),
            "capacity of another prefix" => Objects.Node("n", gpus: 3, labelsOnly: true),
            _ => new V1Node { Metadata = new V1ObjectMeta { Name = "n" } },
        };
        if (name == "broken annotation")
        {
            node.Metadata.Annotations[NodeInventoryDocument.AnnotationKey] = "{not json";
        }

        if (name.StartsWith("capacity", StringComparison.Ordinal))
        {
            node.Metadata.Labels.Remove(NodeInventoryDocument.CountLabel);
        }

        var prefix = name == "capacity of another prefix" ? "example.com/accel" : "gpupool.io/gpu";
        if (name == "cordoned")
        {
            node.Spec = new V1NodeSpec { Unschedulable = true };
        }

        var inventory = NodeInventoryReader.Read(node, prefix, out var problem);

        Assert.Equal(gpus, inventory?.Gpus.Count ?? 0);
        Assert.Equal(memory, inventory?.Model.MemoryMiB ?? 0);
        Assert.Equal(fromAnnotation, inventory?.FromAnnotation ?? false);
        Assert.Equal(reported, problem is not null);
    }
}
