using System.Text.Json.Serialization;
using k8s.Models;

namespace GpuPool.Operator.Kubernetes;

/// <summary>The list answer of a custom resource collection.</summary>
public sealed class CustomResourceList<T>
{
    [JsonPropertyName("metadata")]
    public V1ListMeta? Metadata { get; set; }

    [JsonPropertyName("items")]
    public IReadOnlyList<T>? Items { get; set; }
}
