using GpuPool.Core.Gpus;
using GpuPool.Core.Placement;
using GpuPool.Simulation.Timeline;

namespace GpuPool.Simulation.Cluster;

/// <summary>
/// Starts a plan's jobs on their GPUs, refusing plans no real cluster could carry out: unknown
/// jobs or GPUs, a partner that is not there, more than two jobs on a GPU, memory overcommit, or a
/// newcomer whose share does not fit beside a running job's (which cannot change).
/// A refused plan is a policy bug, so it throws rather than silently dropping work.
/// </summary>
public static class PlacementValidator
{
    public static void Apply(PlacementPlan plan, SchedulingBatch batch, IReadOnlyDictionary<GpuId, GpuTimeline> gpus)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(batch);
        ArgumentNullException.ThrowIfNull(gpus);
        var pending = batch.Pending.ToHashSet();
        var placed = new HashSet<string>(StringComparer.Ordinal);
        foreach (var assignment in plan.Assignments)
        {
            var job = assignment.Job;
            if (!pending.Contains(job) || !placed.Add(job.Id))
            {
                throw new InvalidOperationException($"Plan places job '{job}', which is not pending or is placed twice.");
            }

            if (!gpus.TryGetValue(assignment.Gpu, out var gpu))
            {
                throw new InvalidOperationException($"Plan places job '{job}' on unknown GPU {assignment.Gpu}.");
            }

            var running = gpu.Running.Select(p => p.Job).ToList();
            if (running.Count > 0 && (assignment.Partner is null || !running.Contains(assignment.Partner)))
            {
                throw new InvalidOperationException($"Plan places job '{job}' on busy GPU {assignment.Gpu} without naming its running job as partner.");
            }

            if (running.Count > 0 && assignment.Setting != gpu.SettingOf(assignment.Partner!).Swapped)
            {
                throw new InvalidOperationException(
                    $"Plan starts job '{job}' beside '{assignment.Partner}' at {assignment.Setting}, but the running job keeps {gpu.SettingOf(assignment.Partner!)}.");
            }

            var model = batch.Gpus.First(g => g.Gpu.Id == assignment.Gpu).Gpu.Model;
            if (running.Sum(j => j.GpuMemoryMiB) + job.GpuMemoryMiB > model.MemoryMiB)
            {
                throw new InvalidOperationException($"Plan overcommits the memory of GPU {assignment.Gpu} with job '{job}'.");
            }

            gpu.Start(job, assignment.Setting);
        }
    }
}
