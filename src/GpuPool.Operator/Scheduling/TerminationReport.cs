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

    /// <summary>measuredNp when given, else isolated / shared when both are.</summary>
    public double? Np => MeasuredNp is > 0 ? MeasuredNp
        : IsolatedSeconds is > 0 && SharedSeconds is > 0 ? IsolatedSeconds / SharedSeconds : null;
}
