using GpuPool.Contracts.Workloads;
using System.Text.Json.Serialization;

namespace GpuPool.Operator.Resources;

/// <summary>spec of a GpuProfile (schema in crds/gpupool.io_gpuprofiles.yaml).</summary>
public sealed record GpuProfileSpec
{
    [JsonPropertyName("kernels")]
    public IReadOnlyList<KernelSpec>? Kernels { get; init; }
}
