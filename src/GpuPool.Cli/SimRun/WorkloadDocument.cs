using System.Text.Json.Serialization;

namespace GpuPool.Cli.SimRun;

/// <summary>The gpupool.io/workload annotation: <c>{"job":"ns/name","iterations":N,"kernels":[...]}</c>.</summary>
internal sealed record WorkloadDocument(
    [property: JsonPropertyName("job")] string? Job,
    [property: JsonPropertyName("iterations")] int Iterations,
    [property: JsonPropertyName("kernels")] IReadOnlyList<WorkloadKernel?>? Kernels);
