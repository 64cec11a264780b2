using GpuPool.Core.Contracts;
using GpuPool.Core.Placement;
using GpuPool.Core.Policies;
using GpuPool.Core.Sharing;

namespace GpuPool.Operator.Scheduling;

/// <summary>
/// Step 3 of a window, pure: jobs whose profile is missing wait (there is nothing to run: no
/// kernels), a half-written pair is completed (or its slot held for the partner), then the sharing
/// policy plans the rest on the GPUs left. Each placement's units are its share of the GPU, never more than the GPU has free.
/// </summary>
public static class Planner
{
    public static WindowPlan Plan(ClusterSnapshot snapshot, ISharingPolicy policy)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        ArgumentNullException.ThrowIfNull(policy);
        var placements = new List<Placement>();
        var waiting = snapshot.Pending.Where(t => t.ProfileMissing).ToList();
        var taken = new HashSet<GpuSlot>();
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
                var partnerKey = slot.State.Running[0].Id;
                placements.Add(new Placement(partner.Resource, partner.Kernels, slot.Gpu.Id.Node, slot.Gpu.Id.Index, slot.Uuid, partnerKey, slot.Reservation.Setting, null, Units(partnerKey, slot.Reservation.Setting, slot.FreeUnits)));
            }
            else if (partner is not null)
            {
                byId[partner.Job!.Id] = partner;
            }
        }

        // A slot still owed to a partner that is not plannable now (backing off after a refusal,
        // beyond the batch) is held for it, not given to another job.
        var slots = snapshot.Gpus.Where(s => s.State is not null && !taken.Contains(s) && s.Reservation is null).ToDictionary(s => s.Gpu.Id);
        var plan = byId.Count == 0
            ? PlacementPlan.Empty
            : policy.Plan(new SchedulingBatch([.. byId.Values.Select(t => t.Job!)], [.. slots.Values.Select(s => s.State!)]));
        foreach (var assignment in plan.Assignments)
        {
            var translation = byId[assignment.Job.Id];
            var slot = slots.GetValueOrDefault(assignment.Gpu);
            var partnerKey = assignment.Partner?.Id ?? string.Empty;
            placements.Add(new Placement(
                translation.Resource,
                translation.Kernels,
                assignment.Gpu.Node,
                assignment.Gpu.Index,
                slot?.Uuid,
                partnerKey,
                assignment.Setting,
                assignment.PredictedNp,
                Units(partnerKey, assignment.Setting, slot?.FreeUnits ?? GpuResources.UnitsPerGpu)));
        }

        var placed = plan.Assignments.Select(a => a.Job.Id).ToHashSet(StringComparer.Ordinal);
        waiting.AddRange(byId.Values.Where(t => !placed.Contains(t.Job!.Id)));
        return new WindowPlan(placements, waiting, plan.PairsFormed + completed);
    }

    /// <summary>
    /// A job alone holds the whole GPU; a partner its share, rounded down (so two pending partners
    /// never sum above 100) and capped by what the GPU has free (a running job keeps its units).
    /// </summary>
    public static int Units(string partner, SharingSetting setting, int freeUnits)
    {
        ArgumentNullException.ThrowIfNull(partner);
        ArgumentNullException.ThrowIfNull(setting);
        var wanted = partner.Length == 0 ? GpuResources.UnitsPerGpu : GpuResources.Units(setting.ShareA);
        return Math.Min(wanted, freeUnits);
    }
}
