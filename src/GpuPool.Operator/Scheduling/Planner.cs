using GpuPool.Contracts;
using GpuPool.Core.Placement;
using GpuPool.Core.Policies;
using GpuPool.Core.Sharing;
using GpuPool.Operator.Fitting;

namespace GpuPool.Operator.Scheduling;

/// <summary>
/// Step 3 of a window, pure: jobs whose profile is missing wait (there is nothing to run: no
/// kernels), a half-written pair is completed (or its slot held for the partner), then the sharing
/// policy plans the rest on the GPUs left. Each placement's units are its share of the GPU, never
/// more than the GPU has free. Every placement passes the <see cref="FitGate"/>'s node checks
/// (Ready, fresh inventory, taints, CPU and memory); a job they keep off waits with their reason.
/// </summary>
public static class Planner
{
    public static WindowPlan Plan(ClusterSnapshot snapshot, ISharingPolicy policy)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        ArgumentNullException.ThrowIfNull(policy);
        var placements = new List<Placement>();
        var taken = new HashSet<GpuSlot>();
        var byId = snapshot.Pending.Where(t => t.Job is not null).ToDictionary(t => t.Job!.Id, StringComparer.Ordinal);
        var translations = new Dictionary<string, JobTranslation>(byId, StringComparer.Ordinal);
        var gate = new FitGate(snapshot.Checks);

        var completed = 0;

        // A pair whose first pod was written before a crash: its pending partner joins that pod's
        // GPU with the mirrored setting, as decided, before anything is planned anew.
        foreach (var slot in snapshot.Gpus.Where(s => s.Reservation is not null && s.State is { HasFreePartnerSlot: true } && !taken.Contains(s)))
        {
            if (byId.Remove(slot.Reservation!.PartnerKey, out var partner)
                && partner.Resource.Spec.GpuMemoryMiB <= slot.State!.FreeMemoryMiB
                && gate.TryPlace(partner, slot.Gpu.Id.Node))
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
        var slots = snapshot.Gpus.Where(s => s.State is not null && !taken.Contains(s) && s.Reservation is null).ToList();
        var open = slots.Select(s => s.Gpu.Id.Node).Distinct(StringComparer.Ordinal).ToList();

        // Jobs that the same open nodes admit are planned together (one group when every node
        // admits every job), each group on its nodes' GPUs not yet given to an earlier group.
        var groups = snapshot.Pending
            .Where(t => t.Job is not null && byId.ContainsKey(t.Job.Id))
            .Select(t => (Job: t, Nodes: gate.Admitting(t, open)))
            .Where(x => x.Nodes.Count > 0)
            .GroupBy(x => string.Join('\n', x.Nodes.Order(StringComparer.Ordinal)), StringComparer.Ordinal);
        var pairsFormed = 0;
        foreach (var group in groups)
        {
            var nodes = group.First().Nodes;
            var free = slots.Where(s => !taken.Contains(s) && nodes.Contains(s.Gpu.Id.Node)).ToDictionary(s => s.Gpu.Id);
            if (free.Count == 0)
            {
                continue;
            }

            var plan = policy.Plan(new SchedulingBatch([.. group.Select(x => x.Job.Job!)], [.. free.Values.Select(s => s.State!)]));
            var accepted = gate.Accept(plan.Assignments, translations);
            pairsFormed += new PlacementPlan(accepted, []).PairsFormed;
            foreach (var assignment in accepted)
            {
                var translation = translations[assignment.Job.Id];
                var slot = free[assignment.Gpu];
                taken.Add(slot);
                var partnerKey = assignment.Partner?.Id ?? string.Empty;
                placements.Add(new Placement(
                    translation.Resource,
                    translation.Kernels,
                    assignment.Gpu.Node,
                    assignment.Gpu.Index,
                    slot.Uuid,
                    partnerKey,
                    assignment.Setting,
                    assignment.PredictedNp,
                    Units(partnerKey, assignment.Setting, slot.FreeUnits)));
            }
        }

        var placed = placements.Select(p => p.Job.Key).ToHashSet(StringComparer.Ordinal);
        var waiting = snapshot.Pending.Where(t => t.ProfileMissing || (t.Job is not null && !placed.Contains(t.Resource.Key))).ToList();
        var misfits = waiting.Where(t => gate.Misfits.ContainsKey(t.Resource.Key)).ToDictionary(t => t.Resource.Key, t => gate.Misfits[t.Resource.Key], StringComparer.Ordinal);
        return new WindowPlan(placements, waiting, pairsFormed + completed, misfits);
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
