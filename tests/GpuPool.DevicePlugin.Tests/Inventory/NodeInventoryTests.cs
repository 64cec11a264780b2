using System.Text.Json;
using GpuPool.DevicePlugin.Devices;
using GpuPool.DevicePlugin.Inventory;
using GpuPool.DevicePlugin.Tests.Support;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace GpuPool.DevicePlugin.Tests.Inventory;

public sealed class NodeInventoryTests
{
    private static readonly GpuDevice[] TwoGpus =
    [
        new(0, "GPU-a", "V100", 32768, 80, true),
        new(1, "GPU-b", "V100", 32768, 80, false),
    ];

    [Fact]
    public void Annotation_json_has_the_contract_shape()
    {
        var json = NodeInventory.From(TwoGpus).ToJson();

        Assert.Equal(
            """{"model":"V100","count":2,"memoryMiB":32768,"smCount":80,"gpus":[{"index":0,"uuid":"GPU-a","healthy":true},{"index":1,"uuid":"GPU-b","healthy":false}]}""",
            json);
        Assert.Equal(2, JsonDocument.Parse(json).RootElement.GetProperty("gpus").GetArrayLength());
    }

    [Theory]
    [InlineData("V100", "V100")]
    [InlineData("Tesla V100-SXM2-32GB", "Tesla-V100-SXM2-32GB")]
    [InlineData("NVIDIA H100 80GB HBM3 (rev 1)", "NVIDIA-H100-80GB-HBM3--rev-1")]
    public void Model_label_value_is_sanitised(string model, string label) =>
        Assert.Equal(label, (NodeInventory.From(TwoGpus) with { Model = model }).ModelLabelValue());

    [Fact]
    public async Task Publishing_retries_a_failed_write_and_publishes_again_after_a_change()
    {
        var inventory = new DeviceInventory();
        var publisher = new RecordingNodeInventoryPublisher(failFirst: 1);
        var time = new FakeTimeProvider();
        using var publishing = new NodeInventoryPublishing(inventory, publisher, time, NullLogger<NodeInventoryPublishing>.Instance);
        await publishing.StartAsync(CancellationToken.None);

        inventory.Update(TwoGpus);
        await Eventually.TrueAsync(() => AdvanceAndCheck(time, () => publisher.Published.Count == 1), "the retried publish");
        inventory.Update([TwoGpus[0]]);
        await Eventually.TrueAsync(() => publisher.Published.Count == 2, "the publish after the change");
        await publishing.StopAsync(CancellationToken.None);

        Assert.Equal([2, 1], publisher.Published.Select(p => p.Count));
    }

    // The retry waits on the fake clock: move it past the longest first backoff each time we look.
    private static bool AdvanceAndCheck(FakeTimeProvider time, Func<bool> condition)
    {
        if (condition())
        {
            return true;
        }

        time.Advance(TimeSpan.FromSeconds(5));
        return false;
    }
}
