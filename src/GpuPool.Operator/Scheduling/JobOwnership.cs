using GpuPool.Operator.Resources;
using k8s.Models;

namespace GpuPool.Operator.Scheduling;

/// <summary>Which pod belongs to which GpuJob (by the controller owner reference).</summary>
public static class JobOwnership
{
    public static string JobKeyOf(V1Pod pod)
    {
        ArgumentNullException.ThrowIfNull(pod);
        var name = MetadataValues.Get(pod.Metadata.Labels, GpuPoolApi.JobNameLabel) ?? string.Empty;
        return pod.Metadata.NamespaceProperty + "/" + name;
    }

    public static bool Owns(GpuJob job, V1Pod pod)
    {
        ArgumentNullException.ThrowIfNull(job);
        ArgumentNullException.ThrowIfNull(pod);
        return pod.Metadata.OwnerReferences?.Any(o => o.Controller == true && o.Kind == GpuPoolApi.JobKind && o.Uid == job.Metadata.Uid) == true;
    }

    public static bool IsLive(V1Pod pod) => pod?.Status?.Phase is not ("Succeeded" or "Failed");
}
