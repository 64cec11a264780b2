using GpuPool.Core.Jobs;
using GpuPool.Core.Kernels;
using GpuPool.Core.Placement;
using GpuPool.Core.Sharing;

namespace GpuPool.Core.Policies;

/// <summary>
/// The paper's heuristic baseline: no prediction, only each job's DRAM bandwidth (weighted by
/// kernel time). Jobs are sorted by it and the most memory-hungry is paired with the least, the
/// second with the second-least, and so on, each pair on an even split. A running job with a
/// free partner slot takes the pending job at the opposite end of the order first, at the share it left.
/// </summary>
public sealed class HeuristicPolicy : ISharingPolicy
{
    public string Name => PolicyNames.Heuristic;

    /// <summary>Kernel-time-weighted average DRAM bandwidth of one iteration.</summary>
    public static double BandwidthOf(Job job)
    {
        ArgumentNullException.ThrowIfNull(job);
        return job.Kernels.Sum(k => k.IsolatedSeconds * k.Counter(CounterNames.DramBandwidth)) / job.IterationSeconds;
    }

    public PlacementPlan Plan(SchedulingBatch batch)
    {
        ArgumentNullException.ThrowIfNull(batch);
        var assignments = new List<Assignment>();
        var order = JobOrder.ByPriority(batch.Pending).OrderByDescending(BandwidthOf).ToList();
        var median = order.Count == 0 ? 0.0 : BandwidthOf(order[order.Count / 2]);

        // 1. Free partner slots: a bandwidth-heavy running job takes the lightest pending job that fits.
        foreach (var gpu in batch.Gpus.Where(g => g.HasFreePartnerSlot))
        {
            var running = gpu.Running[0];
            var candidates = BandwidthOf(running) >= median ? Enumerable.Reverse(order) : order;
            var partner = candidates.FirstOrDefault(j => j.GpuMemoryMiB <= gpu.FreeMemoryMiB);
            if (partner is not null)
            {
                order.Remove(partner);
                assignments.Add(new Assignment(partner, gpu.Gpu.Id, running, gpu.Resident!.NewcomerSetting, null));
            }
        }

        // 2. Highest with lowest onto idle GPUs; a pair whose memory fits no GPU splits up.
        var idle = new IdleGpuPool(batch.Gpus);
        var waiting = new List<Job>();
        while (order.Count > 0)
        {
            var high = order[0];
            order.RemoveAt(0);
            var low = order.Count > 0 ? order[^1] : null;
            var gpu = low is null ? null : idle.TakeBestFit(high.GpuMemoryMiB + low.GpuMemoryMiB);
            if (gpu is not null && low is not null)
            {
                order.RemoveAt(order.Count - 1);
                assignments.Add(new Assignment(high, gpu.Gpu.Id, low, SharingSetting.Even, null));
                assignments.Add(new Assignment(low, gpu.Gpu.Id, high, SharingSetting.Even, null));
                continue;
            }

            var alone = idle.TakeBestFit(high.GpuMemoryMiB);
            if (alone is null)
            {
                waiting.Add(high);
            }
            else
            {
                assignments.Add(new Assignment(high, alone.Gpu.Id, null, SharingSetting.Exclusive, null));
            }
        }

        return new PlacementPlan(assignments, waiting);
    }
}
