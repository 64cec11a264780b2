using System.Text.Json;
using System.Text.Json.Serialization;

namespace GpuPool.Operator.Scheduling;

/// <summary>The JSON sim-run writes to /dev/termination-log: {"measuredNp":…,"isolatedSeconds":…,"sharedSeconds":…}.</summary>
public sealed record TerminationReport(
    [property: JsonPropertyName("measuredNp")] double? MeasuredNp,
    [property: JsonPropertyName("isolatedSeconds")] double? IsolatedSeconds,
    [property: JsonPropertyName("sharedSeconds")] double? SharedSeconds)
{
    /// <summary>The report in a termination message, or null when the message is absent or not that JSON.</summary>
    public static TerminationReport? Parse(string? message)
    {
        if (string.IsNullOrWhiteSpace(message))
        {
            return null;
        }

        try
        {
            return JsonSerializer.Deserialize<TerminationReport>(message);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>
    /// measuredNp when given, else isolated / shared when both are; never infinite (1e308 / 1e-300
    /// would be): a status holding it cannot be written as JSON, and every window would fail on it.
    /// </summary>
    public double? Np => Finite(MeasuredNp is > 0 ? MeasuredNp
        : IsolatedSeconds is > 0 && SharedSeconds is > 0 ? IsolatedSeconds / SharedSeconds : null);

    private static double? Finite(double? value) => value is { } v && double.IsFinite(v) ? v : null;
}
