using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using GpuPool.Core.Contracts;
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
    private readonly string _resourcePrefix;

    public PlacementSeal(string key, string resourcePrefix)
    {
        ArgumentException.ThrowIfNullOrEmpty(key);
        _key = Encoding.UTF8.GetBytes(key);
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
        pod.Metadata.Annotations[Annotation] = Compute(pod);
    }

    public bool Verifies(V1Pod pod)
    {
        ArgumentNullException.ThrowIfNull(pod);
        var seal = MetadataValues.Get(pod.Metadata.Annotations, Annotation);
        if (string.IsNullOrEmpty(seal))
        {
            return false;
        }

        var expected = Encoding.ASCII.GetBytes(Compute(pod));
        return CryptographicOperations.FixedTimeEquals(expected, Encoding.ASCII.GetBytes(seal));
    }

    private string Compute(V1Pod pod)
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
        foreach (var (key, value) in (meta.Annotations ?? new Dictionary<string, string>())
            .Where(a => a.Key.StartsWith(Prefix, StringComparison.Ordinal) && a.Key != Annotation)
            .OrderBy(a => a.Key, StringComparer.Ordinal))
        {
            Add(key);
            Add(value);
        }

        var containers = (pod.Spec?.InitContainers ?? []).Concat(pod.Spec?.Containers ?? []);
        foreach (var container in containers)
        {
            foreach (var (kind, resources) in new[] { ("limit", container.Resources?.Limits), ("request", container.Resources?.Requests) })
            {
                foreach (var (name, quantity) in (resources ?? new Dictionary<string, ResourceQuantity>())
                    .Where(r => GpuResources.IndexOf(_resourcePrefix, r.Key) is not null)
                    .OrderBy(r => r.Key, StringComparer.Ordinal))
                {
                    Add($"{container.Name}/{kind}/{name}={quantity}");
                }
            }
        }

        return Convert.ToHexStringLower(HMACSHA256.HashData(_key, Encoding.UTF8.GetBytes(text.ToString())));
    }
}
