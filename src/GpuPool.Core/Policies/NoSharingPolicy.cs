using GpuPool.Core.Placement;
using GpuPool.Core.Sharing;

namespace GpuPool.Core.Policies;

/// <summary>The baseline: one job per GPU, never shared.</summary>
public sealed class NoSharingPolicy : ISharingPolicy
{
    public string Name => PolicyNames.NoSharing;

    public PlacementPlan Plan(SchedulingBatch batch)
    {
        ArgumentNullException.ThrowIfNull(batch);
        var idle = new IdleGpuPool(batch.Gpus);
        var assignments = new List<Assignment>();
        var waiting = new List<Jobs.Job>();
        foreach (var job in JobOrder.ByPriority(batch.Pending))
        {
            var gpu = idle.TakeBestFit(job.GpuMemoryMiB);
            if (gpu is null)
            {
                waiting.Add(job);
            }
            else
            {
                assignments.Add(new Assignment(job, gpu.Gpu.Id, null, SharingSetting.Exclusive, 1.0));
            }
        }

        return new PlacementPlan(assignments, waiting);
    }
}
