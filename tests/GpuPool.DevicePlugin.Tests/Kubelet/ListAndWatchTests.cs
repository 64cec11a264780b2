using GpuPool.DevicePlugin.Devices;
using GpuPool.DevicePlugin.Kubelet.V1Beta1;
using GpuPool.DevicePlugin.Tests.Support;
using DevicePluginClient = GpuPool.DevicePlugin.Kubelet.V1Beta1.DevicePlugin.DevicePluginClient;

namespace GpuPool.DevicePlugin.Tests.Kubelet;

public sealed class ListAndWatchTests
{
    [Fact]
    public async Task Each_gpus_resource_streams_its_hundred_devices_then_their_new_health()
    {
        using var directory = new TempDirectory();
        await using var kubelet = await TestKubelet.StartAsync(directory.KubeletDir);
        await using var host = await PluginHost.StartAsync(directory);
        await kubelet.NextRegistrationAsync();
        await kubelet.NextRegistrationAsync();
        var gpus = host.Inventory.Devices;
        using var timeout = new CancellationTokenSource(Eventually.Timeout);
        using var channel0 = host.PluginChannel(0);
        using var channel1 = host.PluginChannel(1);
        using var call0 = new DevicePluginClient(channel0).ListAndWatch(new Empty(), cancellationToken: timeout.Token);
        using var call1 = new DevicePluginClient(channel1).ListAndWatch(new Empty(), cancellationToken: timeout.Token);

        Assert.True(await call0.ResponseStream.MoveNext(timeout.Token));
        Assert.True(await call1.ResponseStream.MoveNext(timeout.Token));
        Assert.Equal(
            Enumerable.Range(0, 100).Select(p => ($"{gpus[1].Uuid}-p{p:00}", "Healthy")),
            call1.ResponseStream.Current.Devices.Select(d => (d.ID, d.Health)));
        Assert.All(call0.ResponseStream.Current.Devices, d => Assert.StartsWith(gpus[0].Uuid + "-p", d.ID, StringComparison.Ordinal));

        host.Inventory.Update([gpus[0], gpus[1] with { Healthy = false }]);

        Assert.True(await call0.ResponseStream.MoveNext(timeout.Token));
        Assert.True(await call1.ResponseStream.MoveNext(timeout.Token));
        Assert.Equal([("Healthy", 100)], Health(call0.ResponseStream.Current));
        Assert.Equal([("Unhealthy", 100)], Health(call1.ResponseStream.Current));
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

    private static List<(string, int)> Health(ListAndWatchResponse response) =>
        [.. response.Devices.GroupBy(d => d.Health).Select(g => (g.Key, g.Count()))];
}
