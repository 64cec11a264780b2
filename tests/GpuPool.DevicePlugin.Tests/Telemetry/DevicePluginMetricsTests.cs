using System.Globalization;
using GpuPool.DevicePlugin.Kubelet;
using GpuPool.DevicePlugin.Kubelet.V1Beta1;
using GpuPool.DevicePlugin.Telemetry;
using GpuPool.DevicePlugin.Tests.Support;
using Grpc.Core;
using DevicePluginClient = GpuPool.DevicePlugin.Kubelet.V1Beta1.DevicePlugin.DevicePluginClient;

namespace GpuPool.DevicePlugin.Tests.Telemetry;

/// <summary>What /metrics says after real Allocate calls through the registered servers.</summary>
public sealed class DevicePluginMetricsTests(RegisteredPluginFixture fixture) : IClassFixture<RegisteredPluginFixture>
{
    public static TheoryData<int, int> Allocations => new()
    {
        // GPU, devices (share units) of one container
        { 0, 30 },
        { 1, 100 },
        { 1, 5 },
    };

    [Theory]
    [MemberData(nameof(Allocations))]
    public async Task An_allocation_counts_one_container_and_its_units_on_its_gpu(int gpu, int units)
    {
        var label = $"gpu=\"{gpu.ToString(CultureInfo.InvariantCulture)}\"";
        var before = await ScrapeAsync();

        await AllocateAsync(gpu, DeviceIds.For(fixture.Host.Inventory.Devices[gpu]).Take(units));

        var after = await ScrapeAsync();
        Assert.Equal(Value(before, "gpupool_device_plugin_allocations_total", label) + 1, Value(after, "gpupool_device_plugin_allocations_total", label));
        Assert.Equal(Value(before, "gpupool_device_plugin_allocated_units_total", label) + units, Value(after, "gpupool_device_plugin_allocated_units_total", label));
        Assert.Equal(Value(before, "gpupool_device_plugin_allocate_errors_total", null), Value(after, "gpupool_device_plugin_allocate_errors_total", null));
    }

    [Fact]
    public async Task A_refused_allocation_counts_an_error_and_no_allocation()
    {
        var before = await ScrapeAsync();
        var foreign = DeviceIds.For(fixture.Host.Inventory.Devices[1]).Take(3);

        await Assert.ThrowsAsync<RpcException>(() => AllocateAsync(0, foreign));

        var after = await ScrapeAsync();
        Assert.Equal(Value(before, "gpupool_device_plugin_allocate_errors_total", null) + 1, Value(after, "gpupool_device_plugin_allocate_errors_total", null));
        Assert.Equal(Value(before, "gpupool_device_plugin_allocations_total", "gpu=\"0\""), Value(after, "gpupool_device_plugin_allocations_total", "gpu=\"0\""));
    }

    [Fact]
    public async Task State_gauges_are_read_from_the_plugin_at_scrape_time()
    {
        var scrape = await ScrapeAsync();

        Assert.Equal(fixture.Host.Inventory.Devices.Count, Value(scrape, "gpupool_device_plugin_gpus", "health=\"healthy\""));
        Assert.Equal(0, Value(scrape, "gpupool_device_plugin_gpus", "health=\"unhealthy\""));
        Assert.Equal(1, Value(scrape, "gpupool_device_plugin_registered", null));
        Assert.Equal(0, Value(scrape, "gpupool_device_plugin_emulated_jobs", "gpu=\"0\""));
        // Simulated mode: the emulator stands in for the MPS daemon, and it is listening.
        Assert.Equal(1, Value(scrape, "gpupool_device_plugin_mps_daemon_up", null));
    }

    private Task<string[]> ScrapeAsync() => MetricsScrape.ScrapeAsync(fixture.Host);

    private static double Value(string[] scrape, string name, string? label) => MetricsScrape.Value(scrape, name, label);

    private async Task AllocateAsync(int gpuIndex, IEnumerable<string> ids)
    {
        fixture.Host.Placements.Place(gpuIndex, ids.Count());
        using var channel = fixture.Host.PluginChannel(gpuIndex);
        var request = new AllocateRequest();
        request.ContainerRequests.Add(new ContainerAllocateRequest { DevicesIds = { ids } });
        await new DevicePluginClient(channel).AllocateAsync(request);
    }
}
