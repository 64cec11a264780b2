using GpuPool.Contracts.Workloads;
using GpuPool.Core.Jobs;
using GpuPool.Operator.Fitting;
using GpuPool.Operator.Resources;

namespace GpuPool.Operator.Scheduling;

/// <summary>
/// A GpuJob read for planning: the Core job when it can be planned, else why not. A job whose
/// profile is missing has no Core job and waits for it; an invalid one does not run.
/// <see cref="Demand"/>: what its pod asks of a node besides the GPU (read once per job version).
/// </summary>
public sealed record JobTranslation(GpuJob Resource, Job? Job, IReadOnlyList<KernelSpec> Kernels, bool ProfileMissing, string? InvalidReason, string? Message, PodDemand? Demand = null)
{
    public bool IsInvalid => InvalidReason is not null;

    public PodDemand Needs => Demand ?? PodDemand.None;
}
