using System.Text.Json.Serialization;

namespace GpuPool.Cli.SimRun;

/// <summary>One kernel of the workload JSON, as a GpuProfile spec writes it.</summary>
internal sealed record WorkloadKernel(
    [property: JsonPropertyName("id")] string? Id,
    [property: JsonPropertyName("gridBlocks")] int GridBlocks,
    [property: JsonPropertyName("threadsPerBlock")] int ThreadsPerBlock,
    [property: JsonPropertyName("registersPerThread")] int RegistersPerThread,
    [property: JsonPropertyName("sharedMemoryPerBlockBytes")] int SharedMemoryPerBlockBytes,
    [property: JsonPropertyName("isolatedSeconds")] double IsolatedSeconds,
    [property: JsonPropertyName("counters")] IReadOnlyDictionary<string, double>? Counters);
