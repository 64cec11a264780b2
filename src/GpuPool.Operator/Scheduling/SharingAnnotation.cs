using System.Globalization;
using GpuPool.Core.Sharing;

namespace GpuPool.Operator.Scheduling;

/// <summary>How a setting and numbers are written into pod annotations (invariant culture, short).</summary>
public static class SharingAnnotation
{
    public static string Mode(SharingSetting setting)
    {
        ArgumentNullException.ThrowIfNull(setting);
        return setting.Mode switch
        {
            SharingMode.FineGrained => "fine",
            SharingMode.Partitioned => "partitioned",
            _ => "exclusive",
        };
    }

    public static string Number(double value) => value.ToString("0.######", CultureInfo.InvariantCulture);

    public static double? ParseNumber(string? text) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) ? value : null;
}
