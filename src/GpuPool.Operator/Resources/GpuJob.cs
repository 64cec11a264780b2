using System.Text.Json.Serialization;
using k8s;
using k8s.Models;

namespace GpuPool.Operator.Resources;

/// <summary>The GpuJob custom resource.</summary>
public sealed class GpuJob : IKubernetesObject<V1ObjectMeta>
{
    [JsonPropertyName("apiVersion")]
    public string ApiVersion { get; set; } = GpuPoolApi.ApiVersion;

    [JsonPropertyName("kind")]
    public string Kind { get; set; } = GpuPoolApi.JobKind;

    [JsonPropertyName("metadata")]
    public V1ObjectMeta Metadata { get; set; } = new();

    [JsonPropertyName("spec")]
    public GpuJobSpec Spec { get; set; } = new();

    [JsonPropertyName("status")]
    public GpuJobStatus? Status { get; set; }

    /// <summary>"namespace/name": the job's id in Core and in the partner annotation.</summary>
    [JsonIgnore]
    public string Key => Metadata.NamespaceProperty + "/" + Metadata.Name;
}
