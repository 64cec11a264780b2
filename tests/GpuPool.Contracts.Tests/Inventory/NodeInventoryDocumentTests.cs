using System.Text.Json;
using GpuPool.Contracts.Inventory;

namespace GpuPool.Contracts.Tests.Inventory;

/// <summary>The device plugin writes the node inventory with <see cref="NodeInventoryDocument.ToJson"/>; the operator reads it with <see cref="NodeInventoryDocument.Parse"/>.</summary>
public sealed class NodeInventoryDocumentTests
{
    private static readonly NodeInventoryDocument TwoGpus = new(
        "V100",
        2,
        32768,
        80,
        [new NodeInventoryGpu(0, "GPU-a", true), new NodeInventoryGpu(1, "GPU-b", false)]);

    public static TheoryData<string, string, int, int> TolerantReads => new()
    {
        // case, annotation, GPUs listed (-1: no list), healthy GPUs
        { "no gpu list", """{"model":"V100","count":2,"memoryMiB":16384,"smCount":80}""", -1, 0 },
        { "gpu without healthy", """{"model":"V100","count":1,"gpus":[{"index":0,"uuid":"GPU-a"}]}""", 1, 1 },
        { "other casing", """{"Model":"V100","Count":1,"GPUS":[{"Index":0,"UUID":"GPU-a","Healthy":false}]}""", 1, 0 },
        { "unknown field", """{"model":"V100","count":1,"driver":"550","gpus":[{"index":0,"uuid":"GPU-a","healthy":true}]}""", 1, 1 },
    };

    [Fact]
    public void The_plugin_writes_the_golden_sample()
    {
        Assert.Equal(Golden.Read("node-inventory.json"), TwoGpus.ToJson());
    }

    [Fact]
    public void What_the_plugin_writes_the_operator_reads_back_unchanged()
    {
        var read = NodeInventoryDocument.Parse(TwoGpus.ToJson());

        Assert.NotNull(read);
        Assert.Equal(TwoGpus with { Gpus = null }, read with { Gpus = null });
        Assert.Equal(TwoGpus.Gpus!, read.Gpus!);
    }

    [Theory]
    [MemberData(nameof(TolerantReads))]
    public void The_operator_reads_what_a_node_may_carry(string name, string json, int listed, int healthy)
    {
        var read = NodeInventoryDocument.Parse(json);

        Assert.NotNull(read);
        Assert.True(read.Count > 0, name);
        Assert.Equal(listed, read.Gpus?.Count ?? -1);
        Assert.Equal(healthy, read.Gpus?.Count(g => g.Healthy) ?? 0);
    }

    [Theory]
    [InlineData("{not json")]
    [InlineData("""{"count":"two"}""")]
    [InlineData("[]")]
    public void An_unreadable_annotation_is_a_json_error(string json)
    {
        Assert.ThrowsAny<JsonException>(() => NodeInventoryDocument.Parse(json));
    }

    [Theory]
    [InlineData("V100", "V100")]
    [InlineData("Tesla V100-SXM2-32GB", "Tesla-V100-SXM2-32GB")]
    [InlineData("NVIDIA H100 80GB HBM3 (rev 1)", "NVIDIA-H100-80GB-HBM3--rev-1")]
    [InlineData(null, "")]
    public void Model_label_value_is_sanitised(string? model, string label) =>
        Assert.Equal(label, (TwoGpus with { Model = model }).ModelLabelValue());

    [Fact]
    public void Model_label_value_is_cut_to_a_label_value_length()
    {
        var value = (TwoGpus with { Model = new string('A', 80) + "-" }).ModelLabelValue();

        Assert.Equal(63, value.Length);
    }
}
