namespace GpuPool.DevicePlugin.Devices;

/// <summary>
/// SM count by product name. nvidia-smi's --query-gpu has no SM-count field (NVML exposes it only
/// through the CUDA device attributes), so the plugin maps the names it knows; an unknown product
/// falls back to the V100 figure the operator assumes anyway, and the caller logs that.
/// </summary>
public static class KnownSmCounts
{
    // Ordered most specific first: "A100" must not shadow "A10".
    private static readonly (string NamePart, int SmCount)[] Table =
    [
        ("H100 PCIe", 114),
        ("H100", 132),
        ("H200", 132),
        ("A100", 108),
        ("A30", 56),
        ("A10", 72),
        ("L40", 142),
        ("L4", 58),
        ("V100", 80),
        ("T4", 40),
        ("P100", 56),
    ];

    /// <summary>The SM count for a product name such as "Tesla V100-SXM2-32GB", or null when unknown.</summary>
    public static int? For(string productName)
    {
        ArgumentNullException.ThrowIfNull(productName);
        foreach (var (part, count) in Table)
        {
            if (productName.Contains(part, StringComparison.OrdinalIgnoreCase))
            {
                return count;
            }
        }

        return null;
    }
}
