using GpuPool.Operator.Resources;
using k8s;
using k8s.Models;

namespace GpuPool.Operator.Scheduling;

/// <summary>
/// What the operator keeps of a pod whose GpuPool claims do not carry a valid seal: the pod and
/// its resources (it still holds whatever GPU units it asked for), without the GpuJob controller,
/// the job label and the gpupool.io annotations, so no decision is built on what it says.
/// </summary>
public static class UnverifiedClaims
{
    public static V1Pod Strip(V1Pod pod)
    {
        ArgumentNullException.ThrowIfNull(pod);
        var copy = KubernetesJson.Deserialize<V1Pod>(KubernetesJson.Serialize(pod));
        var meta = copy.Metadata;
        meta.OwnerReferences = meta.OwnerReferences?.Where(o => !PlacementSeal.IsJobOwner(o)).ToList();
        meta.Labels?.Remove(GpuPoolApi.JobNameLabel);
        foreach (var key in meta.Annotations?.Keys.Where(k => k.StartsWith(GpuPoolApi.Group + "/", StringComparison.Ordinal)).ToList() ?? [])
        {
            meta.Annotations!.Remove(key);
        }

        return copy;
    }
}
