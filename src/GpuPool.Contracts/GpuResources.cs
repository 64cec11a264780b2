using System.Globalization;
using System.Text.RegularExpressions;

namespace GpuPool.Contracts;

/// <summary>
/// The extended resources of the operator/device-plugin handoff: one per GPU, "&lt;prefix&gt;-&lt;index&gt;",
/// with <see cref="UnitsPerGpu"/> devices, one per percent of the GPU. A pod's limit on one of them
/// says which GPU and how much of it; the kubelet enforces the sum and checkpoints the allocation,
/// so neither side needs to remember anything. Both sides read the prefix from their options.
/// </summary>
public static partial class GpuResources
{
    public const string DefaultPrefix = "gpupool.io/gpu";

    public const int UnitsPerGpu = 100;

    // The longest index suffix a node may need ("-" and three digits), kept inside the 63-character name part.
    private const int MaxPrefixNameLength = 63 - 4;

    public static string Name(string prefix, int gpuIndex) => prefix + "-" + gpuIndex.ToString(CultureInfo.InvariantCulture);

    /// <summary>The GPU index a resource name stands for, or null when it is not "&lt;prefix&gt;-&lt;index&gt;".</summary>
    public static int? IndexOf(string prefix, string resourceName)
    {
        ArgumentNullException.ThrowIfNull(prefix);
        ArgumentNullException.ThrowIfNull(resourceName);
        var head = prefix + "-";
        return resourceName.StartsWith(head, StringComparison.Ordinal)
            && int.TryParse(resourceName.AsSpan(head.Length), NumberStyles.None, CultureInfo.InvariantCulture, out var index)
            ? index
            : null;
    }

    /// <summary>A prefix that, with "-&lt;index&gt;" appended, is a valid extended resource name ("domain/name").</summary>
    public static bool IsValidPrefix(string? prefix) =>
        prefix is not null && PrefixPattern().IsMatch(prefix) && prefix[(prefix.IndexOf('/', StringComparison.Ordinal) + 1)..].Length <= MaxPrefixNameLength;

    /// <summary>
    /// A share of a GPU in (0, 1] as whole units in 1..100, rounded down so that two partners'
    /// complementary shares never sum above 100 (the epsilon absorbs 0.57 * 100 = 56.99...).
    /// </summary>
    public static int Units(double share) => Math.Clamp((int)Math.Floor((share * UnitsPerGpu) + 1e-6), 1, UnitsPerGpu);

    [GeneratedRegex("^[a-z0-9]([-a-z0-9.]*[a-z0-9])?/[A-Za-z0-9]([-A-Za-z0-9_.]*[A-Za-z0-9])?$")]
    private static partial Regex PrefixPattern();
}
