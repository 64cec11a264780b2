using System.Text.Json;

namespace GpuPool.Cli.Commands;

/// <summary>One measured window: wall time per step (ms), peak managed heap (MiB), graph and plan size.</summary>
internal sealed record WindowMeasurement(
    int Jobs, int Gpus, double PredictMs, double MatchMs, double PlaceMs, double TotalMs, double PeakMemMiB, int Edges, int Pairs, double PredictedStp)
{
    private static readonly JsonSerializerOptions Json = new() { PropertyNamingPolicy = JsonNamingPolicy.CamelCase };

    /// <summary>One JSON object; keys: jobs, gpus, predictMs, matchMs, placeMs, totalMs, peakMemMiB, edges, pairs, predictedStp.</summary>
    public string ToJson() => JsonSerializer.Serialize(this, Json);
}
