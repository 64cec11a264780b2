using GpuPool.Core.Gpus;
using GpuPool.Core.Jobs;

namespace GpuPool.Core.Placement;

/// <summary>
/// A GPU as a scheduling window sees it: idle, running one job (<see cref="Resident"/> says under
/// which share and how far it got; a partner slot is free only when that share leaves room), or full.
/// A running job whose share is not known leaves no room: its process may hold the whole GPU.
/// </summary>
public sealed record GpuState(Gpu Gpu, IReadOnlyList<Job> Running, Resident? Resident = null)
{
    public static GpuState Idle(Gpu gpu) => new(gpu, []);

    public bool IsIdle => Running.Count == 0;

    /// <summary>One job runs and its fixed share leaves room: the next window may pair a job with it.</summary>
    public bool HasFreePartnerSlot => Running.Count == 1 && Resident is { HasRoom: true };

    public long FreeMemoryMiB => Gpu.Model.MemoryMiB - Running.Sum(j => j.GpuMemoryMiB);
}
