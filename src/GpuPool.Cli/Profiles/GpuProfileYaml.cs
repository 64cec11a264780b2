using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.RegularExpressions;
using GpuPool.Core.Kernels;
using GpuPool.Operator.Resources;

namespace GpuPool.Cli.Profiles;

/// <summary>
/// Writes kernel profiles as one GpuProfile manifest (crds/gpupool.io_gpuprofiles.yaml), the way
/// samples/profiles.yaml is written. Every string is a JSON string, which YAML reads as a
/// double-quoted scalar, so no kernel or metric name can turn into a number or a YAML construct.
/// </summary>
public static partial class GpuProfileYaml
{
    // Names keep '<', '>' and '&' readable (kernel templates); YAML reads JSON's other escapes.
    private static readonly JsonSerializerOptions Strings = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>metadata.name must be a DNS subdomain (lowercase, digits, '-' and '.').</summary>
    public static bool IsValidName(string name) => name.Length is > 0 and <= 253 && DnsSubdomain().IsMatch(name);

    /// <summary>A valid name from a file name: lowercased, every other character '-'.</summary>
    public static string NameFrom(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var name = NotAllowed().Replace(Path.GetFileNameWithoutExtension(path).ToLowerInvariant(), "-").Trim('-', '.');
        return name.Length == 0 ? "imported" : name[..Math.Min(name.Length, 253)].TrimEnd('-', '.');
    }

    public static string Write(string name, IReadOnlyList<KernelProfile> kernels, string source)
    {
        ArgumentNullException.ThrowIfNull(kernels);
        var c = CultureInfo.InvariantCulture;
        var text = new StringBuilder()
            .Append(c, $"# Imported by `gpupool profile import` from {source}; counter names are the scheduler's where a metric maps to one.\n")
            .Append(c, $"apiVersion: {GpuPoolApi.ApiVersion}\n")
            .Append(c, $"kind: {GpuPoolApi.ProfileKind}\n")
            .Append("metadata:\n")
            .Append(c, $"  name: {name}\n")
            .Append("spec:\n")
            .Append("  kernels:\n");
        foreach (var kernel in kernels)
        {
            var g = kernel.Geometry;
            text.Append(c, $"    - id: {Quoted(kernel.Id)}\n")
                .Append(c, $"      gridBlocks: {g.GridBlocks}\n")
                .Append(c, $"      threadsPerBlock: {g.ThreadsPerBlock}\n")
                .Append(c, $"      registersPerThread: {g.RegistersPerThread}\n")
                .Append(c, $"      sharedMemoryPerBlockBytes: {g.SharedMemoryPerBlockBytes}\n")
                .Append(c, $"      isolatedSeconds: {kernel.IsolatedSeconds:R}\n")
                .Append("      counters:\n");
            foreach (var (counter, value) in kernel.Counters.OrderBy(k => k.Key, StringComparer.Ordinal))
            {
                text.Append(c, $"        {Quoted(counter)}: {value:R}\n");
            }
        }

        return text.ToString();
    }

    private static string Quoted(string text) => JsonSerializer.Serialize(text, Strings);

    [GeneratedRegex("^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$")]
    private static partial Regex DnsSubdomain();

    [GeneratedRegex("[^a-z0-9.-]+")]
    private static partial Regex NotAllowed();
}
