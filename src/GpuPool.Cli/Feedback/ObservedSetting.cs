using System.Globalization;
using GpuPool.Core.Sharing;

namespace GpuPool.Cli.Feedback;

/// <summary>
/// The setting an observation names, as the operator writes it (<see cref="SharingSetting"/>'s
/// text: "share 0.25/0.75", "partition 0.5/0.5", "exclusive"), seen from the observed job.
/// </summary>
public static class ObservedSetting
{
    /// <summary>The setting, or null when the text names none the operator writes.</summary>
    public static SharingSetting? Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var parts = text.Trim().Split(' ', 2);
        if (parts.Length == 1)
        {
            return parts[0] == "exclusive" ? SharingSetting.Exclusive : null;
        }

        var shares = parts[1].Split('/');
        if (shares.Length != 2 || !double.TryParse(shares[0], NumberStyles.Float, CultureInfo.InvariantCulture, out var share) || !(share is > 0 and < 1))
        {
            return null;
        }

        return parts[0] switch
        {
            "share" => SharingSetting.Split(share),
            "partition" => SharingSetting.Partition(share),
            _ => null,
        };
    }
}
