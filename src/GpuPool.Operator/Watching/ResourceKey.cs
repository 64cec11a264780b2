using k8s;
using k8s.Models;

namespace GpuPool.Operator.Watching;

/// <summary>The cache key of an object: "namespace/name", or "name" when cluster-scoped.</summary>
public static class ResourceKey
{
    public static string Of(IKubernetesObject<V1ObjectMeta> item)
    {
        ArgumentNullException.ThrowIfNull(item);
        var ns = item.Metadata.NamespaceProperty;
        return string.IsNullOrEmpty(ns) ? item.Metadata.Name : ns + "/" + item.Metadata.Name;
    }
}
