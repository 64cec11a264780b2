using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using GpuPool.Contracts;
using GpuPool.Operator.Resources;
using k8s.Models;

namespace GpuPool.Operator.Scheduling;

/// <summary>
/// The value only the operator can write: an HMAC-SHA256, under the operator's placement key, of
/// everything a pod claims about a placement (namespace and name, its controlling GpuJob, the job
/// label, every gpupool.io annotation and its GPU resource amounts). Anyone may write gpupool.io
/// annotations on a pod; without the key nobody can write a seal that verifies, and a seal copied
/// to another pod or job does not match it.
/// </summary>
public sealed class PlacementSeal
{
    public const string Annotation = "gpupool.io/seal";

    private const string Prefix = GpuPoolApi.Group + "/";

    private readonly byte[] _key;
    private readonly byte[]? _previousKey;
    private readonly string _resourcePrefix;

    /// <summary>Seals with <paramref name="key"/>; verifies with it or, during a rotation, with <paramref name="previousKey"/>.</summary>
    public PlacementSeal(string key, string resourcePrefix, string? previousKey = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(key);
        _key = Encoding.UTF8.GetBytes(key);
        _previousKey = string.IsNullOrEmpty(previousKey) ? null : Encoding.UTF8.GetBytes(previousKey);
        _resourcePrefix = resourcePrefix;
    }

    /// <summary>True when the pod claims anything of GpuPool's: a GpuJob controller, the job label or a gpupool.io annotation.</summary>
    public static bool Claims(V1Pod pod)
    {
        ArgumentNullException.ThrowIfNull(pod);
        var meta = pod.Metadata;
        return meta.OwnerReferences?.Any(IsJobOwner) == true
            || meta.Labels?.ContainsKey(GpuPoolApi.JobNameLabel) == true
            || meta.Annotations?.Keys.Any(k => k.StartsWith(Prefix, StringComparison.Ordinal)) == true;
    }

    public static bool IsJobOwner(V1OwnerReference owner) =>
        owner?.Kind == GpuPoolApi.JobKind && owner.ApiVersion?.StartsWith(Prefix, StringComparison.Ordinal) == true;

    /// <summary>Writes the seal onto a pod the operator is about to create.</summary>
    public void Apply(V1Pod pod)
    {
        ArgumentNullException.ThrowIfNull(pod);
        pod.Metadata.Annotations ??= new Dictionary<string, string>();
        pod.Metadata.Annotations.Remove(Annotation);
        pod.Metadata.Annotations[Annotation] = Compute(pod, _key);
    }

    public bool Verifies(V1Pod pod)
    {
        ArgumentNullException.ThrowIfNull(pod);
        var seal = MetadataValues.Get(pod.Metadata.Annotations, Annotation);
        if (string.IsNullOrEmpty(seal))
        {
            return false;
        }

        var written = Encoding.ASCII.GetBytes(seal);
        return CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(Compute(pod, _key)), written)
            || (_previousKey is not null && CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(Compute(pod, _previousKey)), written));
    }

    private string Compute(V1Pod pod, byte[] key)
    {
        var meta = pod.Metadata;
        var text = new StringBuilder("gpupool-seal/v1");
        void Add(string? value) => text.Append('\n').Append((value ?? string.Empty).Length.ToString(CultureInfo.InvariantCulture)).Append(':').Append(value);
        Add(meta.NamespaceProperty);
        Add(meta.Name);
        foreach (var owner in (meta.OwnerReferences ?? []).Where(IsJobOwner).OrderBy(o => o.Uid, StringComparer.Ordinal))
        {
            Add($"{owner.Kind}/{owner.Name}/{owner.Uid}/{owner.Controller}");
        }

        Add(MetadataValues.Get(meta.Labels, GpuPoolApi.JobNameLabel));
        foreach (var (name, value) in (meta.Annotations ?? new Dictionary<string, string>())
            .Where(a => a.Key.StartsWith(Prefix, StringComparison.Ordinal) && a.Key != Annotation)
            .OrderBy(a => a.Key, StringComparer.Ordinal))
        {
            Add(name);
            Add(value);
        }

        // The amount each container holds, not how it was written: the API server copies a limit
        // into a missing request (extended resources must have both equal), so a seal over limits
        // and requests apart would not verify on the pod as stored.
        var containers = (pod.Spec?.InitContainers ?? []).Concat(pod.Spec?.Containers ?? []);
        foreach (var container in containers)
        {
            var limits = container.Resources?.Limits ?? new Dictionary<string, ResourceQuantity>();
            var requests = container.Resources?.Requests ?? new Dictionary<string, ResourceQuantity>();
            foreach (var resource in limits.Keys.Union(requests.Keys)
                .Where(r => GpuResources.IndexOf(_resourcePrefix, r) is not null)
                .Order(StringComparer.Ordinal))
            {
                var quantity = limits.TryGetValue(resource, out var limit) ? limit : requests[resource];
                Add($"{container.Name}/{resource}={quantity}");
            }
        }

        return Convert.ToHexStringLower(HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(text.ToString())));
    }
}
