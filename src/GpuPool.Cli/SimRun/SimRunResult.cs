using System.Text.Json.Serialization;

namespace GpuPool.Cli.SimRun;

/// <summary>The container's termination message, read by the operator: NP and both durations.</summary>
internal sealed record SimRunResult(
    [property: JsonPropertyName("measuredNp")] double MeasuredNp,
    [property: JsonPropertyName("isolatedSeconds")] double IsolatedSeconds,
    [property: JsonPropertyName("sharedSeconds")] double SharedSeconds);
