using GpuPool.Operator.Fitting;

namespace GpuPool.Operator.Scheduling;

/// <summary>
/// What one window plans from. <see cref="Pending"/>: plannable jobs (profiled, or profile-missing ones that only wait),
/// highest priority then oldest first, at most BatchLimit; <see cref="Rejected"/>: invalid specs
/// not yet flagged at their generation; <see cref="PendingTotal"/>: every job waiting;
/// <see cref="Nodes"/>: what each node's kubelet would check before admitting a pod.
/// </summary>
public sealed record ClusterSnapshot(
    IReadOnlyList<JobTranslation> Pending,
    IReadOnlyList<JobTranslation> Rejected,
    IReadOnlyList<GpuSlot> Gpus,
    int PendingTotal,
    NodeChecks? Nodes = null)
{
    public NodeChecks Checks => Nodes ?? NodeChecks.None;
}
