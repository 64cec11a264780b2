using GpuPool.DevicePlugin.Devices;
using GpuPool.DevicePlugin.Options;
using GpuPool.DevicePlugin.Tests.Support;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace GpuPool.DevicePlugin.Tests.Devices;

public sealed class GpuDiscoveryTests
{
    [Fact]
    public async Task Nvidia_smi_source_queries_the_documented_fields_and_keeps_a_vanished_gpu_as_unhealthy()
    {
        var runner = new ScriptedProcessRunner(
            "0, GPU-a, Tesla V100-SXM2-32GB, 32768, 0\n1, GPU-b, Tesla V100-SXM2-32GB, 32768, 0\n",
            "0, GPU-a, Tesla V100-SXM2-32GB, 32768, 0\n");
        var source = new NvidiaSmiGpuDeviceSource(runner, NullLogger<NvidiaSmiGpuDeviceSource>.Instance);

        var first = await source.ListAsync(CancellationToken.None);
        var second = await source.ListAsync(CancellationToken.None);

        Assert.Equal(["--query-gpu=index,uuid,name,memory.total,ecc.errors.uncorrected.volatile.total", "--format=csv,noheader,nounits"], runner.Arguments[0]);
        Assert.Equal([new GpuDevice(0, "GPU-a", "Tesla V100-SXM2-32GB", 32768, 80, true), new GpuDevice(1, "GPU-b", "Tesla V100-SXM2-32GB", 32768, 80, true)], first);
        Assert.Equal([true, false], second.Select(d => d.Healthy));
    }

    [Fact]
    public async Task A_failed_poll_marks_every_known_gpu_unhealthy()
    {
        var runner = new ScriptedProcessRunner("0, GPU-a, Tesla T4, 15360, 0\n", null);
        var inventory = new DeviceInventory();
        var monitor = new DeviceHealthMonitor(
            new NvidiaSmiGpuDeviceSource(runner, NullLogger<NvidiaSmiGpuDeviceSource>.Instance),
            inventory,
            Microsoft.Extensions.Options.Options.Create(new DevicePluginOptions()),
            new FakeTimeProvider(),
            NullLogger<DeviceHealthMonitor>.Instance);

        await monitor.PollOnceAsync(CancellationToken.None);
        Assert.True(inventory.Devices.Single().Healthy);
        await monitor.PollOnceAsync(CancellationToken.None);

        Assert.False(inventory.Devices.Single().Healthy);
    }

    [Fact]
    public async Task Simulated_gpus_have_uuids_stable_per_node_and_index()
    {
        var options = new DevicePluginOptions { NodeName = "node-a", Simulated = { Count = 3, Model = "V100", MemoryMiB = 16384, SmCount = 80 } };
        var source = new SimulatedGpuDeviceSource(Microsoft.Extensions.Options.Options.Create(options));

        var devices = await source.ListAsync(CancellationToken.None);
        var again = await source.ListAsync(CancellationToken.None);

        Assert.Equal(devices, again);
        Assert.Equal(3, devices.Select(d => d.Uuid).Distinct().Count());
        Assert.All(devices, d => Assert.Matches("^GPU-[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$", d.Uuid));
        Assert.NotEqual(SimulatedGpuDeviceSource.StableUuid("node-b", 0), devices[0].Uuid);
    }
}
