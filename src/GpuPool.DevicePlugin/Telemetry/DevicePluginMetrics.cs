using Prometheus;

namespace GpuPool.DevicePlugin.Telemetry;

/// <summary>
/// The device plugin's metrics, on one registry so tests get their own. Labels are the node's GPU
/// indexes and fixed outcome names, so the series count is bounded by the GPUs a node has.
/// </summary>
public sealed class DevicePluginMetrics
{
    public DevicePluginMetrics(CollectorRegistry registry)
    {
        Registry = registry;
        var factory = Metrics.WithCustomRegistry(registry);
        Gpus = factory.CreateGauge("gpupool_device_plugin_gpus", "GPUs the plugin advertises, by health.", "health");
        Registered = factory.CreateGauge("gpupool_device_plugin_registered", "1 while the kubelet knows this plugin.");
        Allocations = factory.CreateCounter("gpupool_device_plugin_allocations_total", "Containers the kubelet allocated a GPU share to, by GPU index.", "gpu");
        AllocatedUnits = factory.CreateCounter("gpupool_device_plugin_allocated_units_total", "Share units (percent of a GPU) handed out by Allocate, by GPU index.", "gpu");
        AllocateErrors = factory.CreateCounter("gpupool_device_plugin_allocate_errors_total", "Allocate calls refused (the pod fails admission).");
        MpsDaemonUp = factory.CreateGauge("gpupool_device_plugin_mps_daemon_up", "1 while the node's MPS control daemon (simulated mode: the GPU emulator standing in for it) accepts connections; at 0 jobs run without their shares enforced.");
        EmulatedJobs = factory.CreateGauge("gpupool_device_plugin_emulated_jobs", "Jobs the node's GPU emulator runs now, by GPU index (simulated mode).", "gpu");

        // Published at zero from the start, so a query over them has data before the first event.
        foreach (var health in new[] { Healthy, Unhealthy })
        {
            Gpus.WithLabels(health).Set(0);
        }

        AllocateErrors.Inc(0);
    }

    public const string Healthy = "healthy";

    public const string Unhealthy = "unhealthy";

    public CollectorRegistry Registry { get; }

    public Gauge Gpus { get; }

    public Gauge Registered { get; }

    public Counter Allocations { get; }

    public Counter AllocatedUnits { get; }

    public Counter AllocateErrors { get; }

    public Gauge MpsDaemonUp { get; }

    public Gauge EmulatedJobs { get; }
}
