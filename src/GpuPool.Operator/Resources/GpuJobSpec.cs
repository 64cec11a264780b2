using System.Text.Json.Serialization;
using GpuPool.Contracts.Workloads;
using k8s.Models;

namespace GpuPool.Operator.Resources;

/// <summary>spec of a GpuJob (schema in crds/gpupool.io_gpujobs.yaml).</summary>
public sealed record GpuJobSpec
{
    [JsonPropertyName("template")]
    public V1PodTemplateSpec? Template { get; init; }

    [JsonPropertyName("profileRef")]
    public string? ProfileRef { get; init; }

    [JsonPropertyName("kernels")]
    public IReadOnlyList<KernelSpec>? Kernels { get; init; }

    [JsonPropertyName("qosTarget")]
    public double QosTarget { get; init; }

    [JsonPropertyName("iterations")]
    public int Iterations { get; init; }

    [JsonPropertyName("gpuMemoryMiB")]
    public long GpuMemoryMiB { get; init; }

    [JsonPropertyName("priority")]
    public int? Priority { get; init; }
}
