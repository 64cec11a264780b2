using System.Text;
using GpuPool.Contracts;
using GpuPool.DevicePlugin.Kubelet;
using GpuPool.Operator.Scheduling;
using Microsoft.Extensions.Options;

namespace GpuPool.DevicePlugin.Options;

/// <summary>Rejects a bad configuration at start, naming every offending field.</summary>
public sealed class DevicePluginOptionsValidator : IValidateOptions<DevicePluginOptions>
{
    // sockaddr_un.sun_path holds 108 bytes including the terminating NUL.
    private const int MaxUnixSocketPathBytes = 107;

    private const string Prefix = DevicePluginOptions.Section + ":";

    public ValidateOptionsResult Validate(string? name, DevicePluginOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        if (options.Mode is not (DevicePluginOptions.SimulatedMode or DevicePluginOptions.RealMode))
        {
            failures.Add($"{Prefix}Mode must be 'simulated' or 'real' (got '{options.Mode}').");
        }

        if (string.IsNullOrWhiteSpace(options.NodeName))
        {
            failures.Add($"{Prefix}NodeName is required (set it or env NODE_NAME).");
        }

        RequireAbsolute(failures, nameof(options.KubeletSocketDir), options.KubeletSocketDir);
        // The longest socket name a node of up to 1000 GPUs gets.
        RequireSocketPath(failures, nameof(options.KubeletSocketDir), Path.Combine(options.KubeletSocketDir ?? "/", KubeletApi.PluginSocketName(999)));
        if (!GpuResources.IsValidPrefix(options.ResourcePrefix))
        {
            failures.Add($"{Prefix}ResourcePrefix must be an extended resource name like {GpuResources.DefaultPrefix} that '-<index>' can follow (got '{options.ResourcePrefix}').");
        }

        RequireSocketPath(failures, nameof(options.EmulatorSocket), options.EmulatorSocket);
        if (options.EmulatorSocketGroup < 0)
        {
            failures.Add($"{Prefix}EmulatorSocketGroup must be a group id, 0 or more (got {options.EmulatorSocketGroup}).");
        }

        RequireAbsolute(failures, nameof(options.MpsDirectory), options.MpsDirectory);
        if (Encoding.UTF8.GetByteCount(Mps.MpsPaths.ControlSocket(options.MpsDirectory ?? "")) > MaxUnixSocketPathBytes)
        {
            failures.Add($"{Prefix}MpsDirectory is too long for the MPS control socket in it ({MaxUnixSocketPathBytes} bytes).");
        }
        RequirePositive(failures, nameof(options.EmulatorTimeScale), options.EmulatorTimeScale);
        RequirePositive(failures, nameof(options.HealthPollSeconds), options.HealthPollSeconds);
        if (options.HttpPort is < 0 or > 65535)
        {
            failures.Add($"{Prefix}HttpPort must be in 0..65535 (got {options.HttpPort}).");
        }

        failures.AddRange(PlacementKeys.Problems(Prefix, options.PlacementKey, options.PreviousPlacementKey));
        var simulated = options.Simulated;
        if (string.IsNullOrWhiteSpace(simulated.Model))
        {
            failures.Add($"{Prefix}Simulated:Model must not be empty.");
        }

        if (simulated.Count is < 1 or > 64)
        {
            failures.Add($"{Prefix}Simulated:Count must be in 1..64 (got {simulated.Count}).");
        }

        RequirePositive(failures, "Simulated:MemoryMiB", simulated.MemoryMiB);
        RequirePositive(failures, "Simulated:SmCount", simulated.SmCount);
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static void RequirePositive(List<string> failures, string field, double value)
    {
        if (!(value > 0) || double.IsInfinity(value))
        {
            failures.Add($"{Prefix}{field} must be a positive number (got {value}).");
        }
    }

    private static void RequireAbsolute(List<string> failures, string field, string path)
    {
        if (string.IsNullOrWhiteSpace(path) || !Path.IsPathRooted(path))
        {
            failures.Add($"{Prefix}{field} must be an absolute path (got '{path}').");
        }
    }

    private static void RequireSocketPath(List<string> failures, string field, string path)
    {
        RequireAbsolute(failures, field, path);
        if (Encoding.UTF8.GetByteCount(path ?? "") > MaxUnixSocketPathBytes)
        {
            failures.Add($"{Prefix}{field} is longer than a unix socket path may be ({MaxUnixSocketPathBytes} bytes).");
        }
    }
}
