using GpuPool.Core.Jobs;
using GpuPool.Core.Placement;
using GpuPool.Core.Sharing;

namespace GpuPool.Core.Policies;

/// <summary>
/// The coarse-grained baseline, as MIG would do it: every GPU is statically cut into two equal
/// slices (half the SMs and half the memory each), and jobs are packed best-fit-decreasing by
/// memory onto slices, filling half-used GPUs before opening idle ones. No prediction: jobs on
/// one GPU do not share SMs, so interference is ignored. A job too large for a slice takes a
/// whole GPU.
/// </summary>
public sealed class CoarsePolicy : ISharingPolicy
{
    private const double SliceShare = 0.5;

    public string Name => PolicyNames.Coarse;

    public PlacementPlan Plan(SchedulingBatch batch)
    {
        ArgumentNullException.ThrowIfNull(batch);
        var assignments = new List<Assignment>();
        var waiting = new List<Job>();

        // 1. Free slices beside a running slice job (only a slice leaves room for one), then idle GPUs whose second slice opens up.
        var halfUsed = batch.Gpus
            .Where(g => g.HasFreePartnerSlot && g.Resident!.Setting == SharingSetting.Partition(SliceShare) && FitsSlice(g.Running[0].GpuMemoryMiB, g))
            .ToList();
        var idle = new IdleGpuPool(batch.Gpus);
        var openSlices = new List<(GpuState Gpu, Job Partner)>();

        // 2. Largest memory first: best-fit decreasing packs slices tightest.
        var ordered = batch.Pending
            .Select((job, index) => (job, index))
            .OrderByDescending(x => x.job.Priority)
            .ThenByDescending(x => x.job.GpuMemoryMiB)
            .ThenBy(x => x.index)
            .Select(x => x.job);

        foreach (var job in ordered)
        {
            var slice = BestSlice(job, halfUsed.Select(g => (g, g.Running[0])).Concat(openSlices));
            if (slice is { } free)
            {
                halfUsed.Remove(free.Gpu);
                openSlices.Remove(free);
                assignments.Add(new Assignment(job, free.Gpu.Gpu.Id, free.Partner, SharingSetting.Partition(SliceShare), null));
                continue;
            }

            var gpu = idle.TakeBestFit(job.GpuMemoryMiB);
            if (gpu is null)
            {
                waiting.Add(job);
            }
            else if (FitsSlice(job.GpuMemoryMiB, gpu))
            {
                openSlices.Add((gpu, job));
                assignments.Add(new Assignment(job, gpu.Gpu.Id, null, SharingSetting.Partition(SliceShare), null));
            }
            else
            {
                assignments.Add(new Assignment(job, gpu.Gpu.Id, null, SharingSetting.Exclusive, null));
            }
        }

        return new PlacementPlan(WithPartners(assignments), waiting);
    }

    private static bool FitsSlice(long memoryMiB, GpuState gpu) => memoryMiB <= gpu.Gpu.Model.MemoryMiB * SliceShare;

    private static (GpuState Gpu, Job Partner)? BestSlice(Job job, IEnumerable<(GpuState Gpu, Job Partner)> slices)
    {
        (GpuState Gpu, Job Partner)? best = null;
        foreach (var slice in slices)
        {
            if (FitsSlice(job.GpuMemoryMiB, slice.Gpu)
                && (best is null || slice.Gpu.Gpu.Model.MemoryMiB < best.Value.Gpu.Gpu.Model.MemoryMiB))
            {
                best = slice;
            }
        }

        return best;
    }

    // A job that opened a GPU learns its partner only when a later job takes the second slice.
    private static List<Assignment> WithPartners(List<Assignment> assignments)
    {
        var partnerOf = assignments
            .Where(a => a.Partner is not null)
            .ToDictionary(a => a.Partner!, a => a.Job);
        return assignments
            .Select(a => a.Partner is null && partnerOf.TryGetValue(a.Job, out var partner) ? a with { Partner = partner } : a)
            .ToList();
    }
}
