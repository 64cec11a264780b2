using System.Text.Json;
using System.Text.Json.Serialization;

namespace GpuPool.Contracts.Workloads;

/// <summary>
/// The gpupool.io/workload annotation: <c>{"job":"ns/name","iterations":N,"kernels":[...]}</c>. The
/// operator writes it, sim-run reads it (through the pod's env). Fields are nullable because the
/// reader gets whatever the annotation holds; the reader checks them, the writer always sets them.
/// </summary>
public sealed record WorkloadDocument(
    [property: JsonPropertyName("job")] string? Job,
    [property: JsonPropertyName("iterations")] int Iterations,
    [property: JsonPropertyName("kernels")] IReadOnlyList<KernelSpec?>? Kernels)
{
    // A kernel's missing id or counters are left out rather than written as null.
    private static readonly JsonSerializerOptions _json = new()
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    public string ToJson() => JsonSerializer.Serialize(this, _json);

    /// <summary>The document in <paramref name="json"/>, or null for the JSON literal null; <see cref="JsonException"/> when it is not one.</summary>
    public static WorkloadDocument? Parse(string json) => JsonSerializer.Deserialize<WorkloadDocument>(json, _json);
}
