using System.Security.Cryptography;
using System.Text;
using GpuPool.DevicePlugin.Options;
using Microsoft.Extensions.Options;

namespace GpuPool.DevicePlugin.Devices;

/// <summary>
/// GPUs described by configuration. UUIDs are derived from node name and index so they stay the
/// same across restarts (the operator and running pods refer to them).
/// </summary>
public sealed class SimulatedGpuDeviceSource(IOptions<DevicePluginOptions> options) : IGpuDeviceSource
{
    public Task<IReadOnlyList<GpuDevice>> ListAsync(CancellationToken cancellationToken)
    {
        var node = options.Value.NodeName;
        var simulated = options.Value.Simulated;
        IReadOnlyList<GpuDevice> devices = Enumerable.Range(0, simulated.Count)
            .Select(i => new GpuDevice(i, StableUuid(node, i), simulated.Model, simulated.MemoryMiB, simulated.SmCount, Healthy: true))
            .ToList();
        return Task.FromResult(devices);
    }

    internal static string StableUuid(string node, int index)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes($"gpupool-simulated/{node}/{index}"));
        return "GPU-" + new Guid(hash.AsSpan(0, 16)).ToString("D");
    }
}
