using System.Text.Json.Serialization;
using GpuPool.Contracts.Workloads;

namespace GpuPool.Operator.Resources;

/// <summary>spec of a GpuProfile (schema in crds/gpupool.io_gpuprofiles.yaml).</summary>
public sealed record GpuProfileSpec
{
    [JsonPropertyName("kernels")]
    public IReadOnlyList<KernelSpec>? Kernels { get; init; }
}
