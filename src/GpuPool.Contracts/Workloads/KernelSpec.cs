using System.Text.Json.Serialization;

namespace GpuPool.Contracts.Workloads;

/// <summary>
/// One kernel as written in a GpuProfile or a GpuJob's inline kernels, and as the operator passes it
/// on to the pod in the <see cref="WorkloadDocument"/>: one shape from the manifest to sim-run.
/// </summary>
public sealed record KernelSpec
{
    [JsonPropertyName("id")]
    public string? Id { get; init; }

    [JsonPropertyName("gridBlocks")]
    public int GridBlocks { get; init; }

    [JsonPropertyName("threadsPerBlock")]
    public int ThreadsPerBlock { get; init; }

    [JsonPropertyName("registersPerThread")]
    public int RegistersPerThread { get; init; }

    [JsonPropertyName("sharedMemoryPerBlockBytes")]
    public int SharedMemoryPerBlockBytes { get; init; }

    [JsonPropertyName("isolatedSeconds")]
    public double IsolatedSeconds { get; init; }

    [JsonPropertyName("counters")]
    public IReadOnlyDictionary<string, double>? Counters { get; init; }
}
