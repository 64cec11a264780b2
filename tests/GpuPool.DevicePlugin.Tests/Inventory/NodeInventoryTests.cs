using GpuPool.Contracts.Inventory;
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
    public void The_document_takes_model_memory_and_sms_from_the_first_gpu_and_lists_every_gpu()
    {
        var document = NodeInventoryDocuments.From(TwoGpus);

        Assert.Equal(("V100", 2, 32768L, 80), (document.Model, document.Count, document.MemoryMiB, document.SmCount));
        Assert.Equal([new NodeInventoryGpu(0, "GPU-a", true), new NodeInventoryGpu(1, "GPU-b", false)], document.Gpus!);
    }

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
