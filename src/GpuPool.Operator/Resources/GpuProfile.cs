using System.Text.Json.Serialization;
using k8s;
using k8s.Models;

namespace GpuPool.Operator.Resources;

/// <summary>The GpuProfile custom resource.</summary>
public sealed class GpuProfile : IKubernetesObject<V1ObjectMeta>
{
    [JsonPropertyName("apiVersion")]
    public string ApiVersion { get; set; } = GpuPoolApi.ApiVersion;

    [JsonPropertyName("kind")]
    public string Kind { get; set; } = GpuPoolApi.ProfileKind;

    [JsonPropertyName("metadata")]
    public V1ObjectMeta Metadata { get; set; } = new();

    [JsonPropertyName("spec")]
    public GpuProfileSpec Spec { get; set; } = new();
}
