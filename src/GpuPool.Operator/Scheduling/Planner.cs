using GpuPool.Core.Placement;
using GpuPool.Core.Policies;
using GpuPool.Core.Sharing;

namespace GpuPool.Operator.Scheduling;

/// <summary>
/// Step 3 of a window, pure: jobs whose profile is missing go alone onto idle GPUs first (oldest
/// first; they can never be paired), then the sharing policy plans the rest on the GPUs left.
/// </summary>
public static class Planner
{
    public static WindowPlan Plan(ClusterSnapshot snapshot, ISharingPolicy policy)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        ArgumentNullException.ThrowIfNull(policy);
        var placements = new List<Placement>();
        var waiting = new List<JobTranslation>();
        var taken = new HashSet<GpuSlot>();
        foreach (var alone in snapshot.Pending.Where(t => t.ProfileMissing))
        {
            var slot = snapshot.Gpus.FirstOrDefault(s => s.State is { IsIdle: true } && !taken.Contains(s)
                && s.Gpu.Model.MemoryMiB >= alone.Resource.Spec.GpuMemoryMiB);
            if (slot is null)
            {
                waiting.Add(alone);
                continue;
            }

            taken.Add(slot);
            placements.Add(new Placement(alone.Resource, [], slot.Gpu.Id.Node, slot.Gpu.Id.Index, slot.Uuid, string.Empty, SharingSetting.Exclusive, null, ProfileMissing: true));
        }

        var byId = snapshot.Pending.Where(t => t.Job is not null).ToDictionary(t => t.Job!.Id, StringComparer.Ordinal);

        var completed = 0;

        // A pair whose first pod was written before a crash: its pending partner joins that pod's
        // GPU with the mirrored setting, as decided, before anything is planned anew.
        foreach (var slot in snapshot.Gpus.Where(s => s.Reservation is not null && s.State is { HasFreePartnerSlot: true } && !taken.Contains(s)))
        {
            if (byId.Remove(slot.Reservation!.PartnerKey, out var partner)
                && partner.Resource.Spec.GpuMemoryMiB <= slot.State!.FreeMemoryMiB)
            {
                taken.Add(slot);
                completed++;
                placements.Add(new Placement(partner.Resource, partner.Kernels, slot.Gpu.Id.Node, slot.Gpu.Id.Index, slot.Uuid, slot.State.Running[0].Id, slot.Reservation.Setting, null, ProfileMissing: false));
            }
            else if (partner is not null)
            {
                byId[partner.Job!.Id] = partner;
            }
        }

        var slots = snapshot.Gpus.Where(s => s.State is not null && !taken.Contains(s)).ToDictionary(s => s.Gpu.Id);
        var plan = byId.Count == 0
            ? PlacementPlan.Empty
            : policy.Plan(new SchedulingBatch([.. byId.Values.Select(t => t.Job!)], [.. slots.Values.Select(s => s.State!)]));
        foreach (var assignment in plan.Assignments)
        {
            var translation = byId[assignment.Job.Id];
            placements.Add(new Placement(
                translation.Resource,
                translation.Kernels,
                assignment.Gpu.Node,
                assignment.Gpu.Index,
                slots.TryGetValue(assignment.Gpu, out var slot) ? slot.Uuid : null,
                assignment.Partner?.Id ?? string.Empty,
                assignment.Setting,
                assignment.PredictedNp,
                ProfileMissing: false));
        }

        var placed = plan.Assignments.Select(a => a.Job.Id).ToHashSet(StringComparer.Ordinal);
        waiting.AddRange(byId.Values.Where(t => !placed.Contains(t.Job!.Id)));
        return new WindowPlan(placements, waiting, plan.PairsFormed + completed);
    }
}
