using System.Globalization;
using GpuPool.Contracts;
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
            SharingMode.FineGrained => SharingModes.Fine,
            SharingMode.Partitioned => SharingModes.Partitioned,
            _ => SharingModes.Exclusive,
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
            SharingModes.Fine => SharingSetting.Split(value.Value).Swapped,
            SharingModes.Partitioned => SharingSetting.Partition(value.Value).Swapped,
            _ => null,
        };
    }

    public static string Number(double value) => value.ToString("0.######", CultureInfo.InvariantCulture);

    public static double? ParseNumber(string? text) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) ? value : null;
}
