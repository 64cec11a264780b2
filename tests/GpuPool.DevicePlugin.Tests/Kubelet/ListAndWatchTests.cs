using GpuPool.DevicePlugin.Devices;
using GpuPool.DevicePlugin.Kubelet.V1Beta1;
using GpuPool.DevicePlugin.Tests.Support;
using DevicePluginClient = GpuPool.DevicePlugin.Kubelet.V1Beta1.DevicePlugin.DevicePluginClient;

namespace GpuPool.DevicePlugin.Tests.Kubelet;

public sealed class ListAndWatchTests
{
    [Fact]
    public async Task Streams_two_slots_per_gpu_then_the_new_list_when_a_gpu_turns_unhealthy()
    {
        using var directory = new TempDirectory();
        await using var kubelet = await TestKubelet.StartAsync(directory.KubeletDir);
        await using var host = await PluginHost.StartAsync(directory);
        await kubelet.NextRegistrationAsync();
        using var channel = host.PluginChannel();
        using var timeout = new CancellationTokenSource(Eventually.Timeout);
        using var call = new DevicePluginClient(channel).ListAndWatch(new Empty(), cancellationToken: timeout.Token);

        Assert.True(await call.ResponseStream.MoveNext(timeout.Token));
        var gpus = host.Inventory.Devices;
        Assert.Equal(
            gpus.SelectMany(g => new[] { ($"{g.Uuid}-slot0", "Healthy"), ($"{g.Uuid}-slot1", "Healthy") }),
            call.ResponseStream.Current.Devices.Select(d => (d.ID, d.Health)));

        host.Inventory.Update([gpus[0], gpus[1] with { Healthy = false }]);

        Assert.True(await call.ResponseStream.MoveNext(timeout.Token));
        Assert.Equal(
            [("Healthy", 2), ("Unhealthy", 2)],
            call.ResponseStream.Current.Devices.GroupBy(d => d.Health).Select(g => (g.Key, g.Count())).OrderBy(g => g.Key).ToList());
        Assert.All(
            call.ResponseStream.Current.Devices.Where(d => d.Health == "Unhealthy"),
            d => Assert.StartsWith(gpus[1].Uuid, d.ID, StringComparison.Ordinal));
    }

    [Fact]
    public void An_unchanged_list_does_not_wake_watchers()
    {
        var inventory = new DeviceInventory();
        GpuDevice[] devices = [new(0, "GPU-a", "V100", 32768, 80, true)];
        Assert.True(inventory.Update(devices));
        var version = inventory.Snapshot().Version;

        Assert.False(inventory.Update([.. devices]));
        Assert.False(inventory.WaitForChangeAsync(version, CancellationToken.None).IsCompleted);
    }
}
