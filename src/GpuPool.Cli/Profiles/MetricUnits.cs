using System.Globalization;

namespace GpuPool.Cli.Profiles;

/// <summary>
/// The units Nsight Compute writes in the second row of a raw CSV export, as factors to the base
/// unit: times to seconds, sizes to bytes, rates to bytes per second. ncu scales a metric's unit to
/// its value (nsecond, usecond, Kbyte, Gbyte/second), so the factor must be read per column.
/// </summary>
public static class MetricUnits
{
    private static readonly Dictionary<string, double> Prefixes = new(StringComparer.Ordinal)
    {
        [""] = 1,
        ["n"] = 1e-9,
        ["u"] = 1e-6,
        ["m"] = 1e-3,
        ["K"] = 1e3,
        ["M"] = 1e6,
        ["G"] = 1e9,
        ["T"] = 1e12,
    };

    /// <summary>The factor from <paramref name="unit"/> to seconds, or null when it is not a time.</summary>
    public static double? ToSeconds(string unit) => Scaled(unit, "second");

    /// <summary>The factor from <paramref name="unit"/> to bytes, or null when it is not a size.</summary>
    public static double? ToBytes(string unit) => Scaled(unit, "byte");

    /// <summary>The factor from <paramref name="unit"/> to bytes per second, or null when it is not a byte rate.</summary>
    public static double? ToBytesPerSecond(string unit) => Scaled(unit, "byte/second");

    /// <summary>
    /// <paramref name="value"/> to 12 significant digits: drops the binary noise that scaling adds
    /// (12.5 % is written 0.125, not 0.12500000000000001); reports carry fewer digits than that.
    /// </summary>
    public static double Tidy(double value) =>
        double.Parse(value.ToString("G12", CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);

    private static double? Scaled(string unit, string baseUnit)
    {
        ArgumentNullException.ThrowIfNull(unit);
        var text = unit.Trim();
        return text.EndsWith(baseUnit, StringComparison.Ordinal) && Prefixes.TryGetValue(text[..^baseUnit.Length], out var factor) ? factor : null;
    }
}
