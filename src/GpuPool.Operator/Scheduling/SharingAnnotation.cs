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

    /// <summary>
    /// The setting a partner must get beside a pod written with these annotations: the pod's own
    /// split seen from the other side, or null when the pod runs alone or the annotations are unusable.
    /// </summary>
    public static SharingSetting? PartnerSetting(string? mode, string? share)
    {
        var value = ParseNumber(share);
        if (value is not (> 0 and < 1))
        {
            return null;
        }

        return mode switch
        {
            "fine" => SharingSetting.Split(value.Value).Swapped,
            "partitioned" => SharingSetting.Partition(value.Value).Swapped,
            _ => null,
        };
    }

    public static string Number(double value) => value.ToString("0.######", CultureInfo.InvariantCulture);

    public static double? ParseNumber(string? text) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) ? value : null;
}
