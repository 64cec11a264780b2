using GpuPool.Core.Gpus;
using GpuPool.Core.Jobs;

namespace GpuPool.Core.Placement;

/// <summary>
/// A GPU as a scheduling window sees it: idle, running one job (so one partner slot is free unless
/// the running job holds it exclusively), or full.
/// </summary>
public sealed record GpuState(Gpu Gpu, IReadOnlyList<Job> Running, bool RunningExclusively = false)
{
    public static GpuState Idle(Gpu gpu) => new(gpu, []);

    public bool IsIdle => Running.Count == 0;

    /// <summary>One job runs and shares willingly: the next window may pair a job with it.</summary>
    public bool HasFreePartnerSlot => Running.Count == 1 && !RunningExclusively;

    public long FreeMemoryMiB => Gpu.Model.MemoryMiB - Running.Sum(j => j.GpuMemoryMiB);
}
