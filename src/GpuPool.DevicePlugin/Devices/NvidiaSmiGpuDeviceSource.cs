using Microsoft.Extensions.Logging;

namespace GpuPool.DevicePlugin.Devices;

/// <summary>
/// Real GPUs from nvidia-smi. A GPU seen before that no longer answers stays listed as unhealthy,
/// so the kubelet stops placing pods on it instead of silently losing capacity.
/// </summary>
public sealed partial class NvidiaSmiGpuDeviceSource(IProcessRunner runner, ILogger<NvidiaSmiGpuDeviceSource> logger) : IGpuDeviceSource
{
    private readonly Dictionary<string, GpuDevice> _seen = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();

    public async Task<IReadOnlyList<GpuDevice>> ListAsync(CancellationToken cancellationToken)
    {
        var result = await runner.RunAsync(
            "nvidia-smi",
            [$"--query-gpu={NvidiaSmiCsvParser.QueryFields}", "--format=csv,noheader,nounits"],
            cancellationToken).ConfigureAwait(false);
        if (result.ExitCode != 0)
        {
            throw new InvalidOperationException($"nvidia-smi exited with {result.ExitCode}: {result.StandardError.Trim()}");
        }

        var rows = NvidiaSmiCsvParser.Parse(result.StandardOutput);
        lock (_gate)
        {
            foreach (var row in rows)
            {
                _seen[row.Uuid] = new GpuDevice(row.Index, row.Uuid, row.Name, row.MemoryMiB, SmCountOf(row.Name), row.Healthy);
            }

            var present = rows.Select(r => r.Uuid).ToHashSet(StringComparer.Ordinal);
            return _seen.Values
                .Select(d => present.Contains(d.Uuid) ? d : d with { Healthy = false })
                .OrderBy(d => d.Index)
                .ToList();
        }
    }

    private int SmCountOf(string name)
    {
        if (KnownSmCounts.For(name) is { } known)
        {
            return known;
        }

        var fallback = Core.Gpus.GpuModel.V100.SmCount;
        LogUnknownModel(name, fallback);
        return fallback;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "SM count of '{Name}' is not known; advertising {Fallback}.")]
    private partial void LogUnknownModel(string name, int fallback);
}
