using GpuPool.Contracts;
using k8s.Models;

namespace GpuPool.Operator.Scheduling;

/// <summary>
/// Whether the partner a pod was written with ever ran beside it: a container of one of the
/// partner's pods on the same node and GPU, running at some time while this pod's containers ran.
/// A pair is written as a decision; when the node refused the partner's pod and the partner was
/// placed again after this pod ended, the job in fact ran alone, and its final status says so.
/// </summary>
public static class PartnerOverlap
{
    public static bool RanBeside(V1Pod pod, string partnerKey, IEnumerable<V1Pod> partnerPods)
    {
        ArgumentNullException.ThrowIfNull(pod);
        ArgumentNullException.ThrowIfNull(partnerPods);
        var own = RunTime(pod);
        if (own is null)
        {
            return false;
        }

        var gpu = MetadataValues.Get(pod.Metadata.Annotations, PodAnnotations.GpuIndex);
        return partnerPods.Any(p =>
            JobOwnership.JobKeyOf(p) == partnerKey
            && p.Spec?.NodeName == pod.Spec?.NodeName
            && MetadataValues.Get(p.Metadata.Annotations, PodAnnotations.GpuIndex) == gpu
            && RunTime(p) is { } theirs
            && theirs.Start < own.Value.End
            && own.Value.Start < theirs.End);
    }

    // From the first container start to the last container end (still running: no end yet).
    private static (DateTime Start, DateTime End)? RunTime(V1Pod pod)
    {
        var states = pod.Status?.ContainerStatuses?.Select(c => c.State).Where(s => s is not null).ToList() ?? [];
        var starts = states.Select(s => s!.Running?.StartedAt ?? s.Terminated?.StartedAt).Where(t => t is not null).Select(t => t!.Value).ToList();
        if (starts.Count == 0)
        {
            return null;
        }

        var running = states.Any(s => s!.Running is not null);
        var ends = states.Select(s => s!.Terminated?.FinishedAt).Where(t => t is not null).Select(t => t!.Value).ToList();
        return (starts.Min(), running || ends.Count == 0 ? DateTime.MaxValue : ends.Max());
    }
}
