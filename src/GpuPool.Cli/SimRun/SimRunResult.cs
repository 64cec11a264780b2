using System.Text.Json.Serialization;

namespace GpuPool.Cli.SimRun;

/// <summary>
/// The container's termination message, read by the operator: NP and both durations, and the GPU
/// and share the device plugin actually gave the container (what the Node tests check the
/// operator's choice against).
/// </summary>
internal sealed record SimRunResult(
    [property: JsonPropertyName("measuredNp")] double MeasuredNp,
    [property: JsonPropertyName("isolatedSeconds")] double IsolatedSeconds,
    [property: JsonPropertyName("sharedSeconds")] double SharedSeconds,
    [property: JsonPropertyName("gpuUuid")] string GpuUuid,
    [property: JsonPropertyName("share")] double Share);
