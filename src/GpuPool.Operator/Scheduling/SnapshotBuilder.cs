using GpuPool.Contracts;
using GpuPool.Core.Gpus;
using GpuPool.Core.Placement;
using GpuPool.Core.Sharing;
using GpuPool.Operator.Fitting;
using GpuPool.Operator.Resources;
using GpuPool.Operator.Watching;
using k8s.Models;
using Microsoft.Extensions.Logging;

namespace GpuPool.Operator.Scheduling;

/// <summary>
/// Step 2 of a window: reads the watch cache into a <see cref="ClusterSnapshot"/>. Writes nothing.
/// <paramref name="inventoryMaxAge"/>: how old a node's status may be before its GPUs are not offered (zero: no bound).
/// </summary>
public sealed partial class SnapshotBuilder(ClusterCache cache, JobTranslations translations, string resourcePrefix, int batchLimit, RequeueBackoff backoff, TimeSpan inventoryMaxAge, TimeProvider time, ILogger logger)
{
    private readonly HashSet<string> _reportedNodes = new(StringComparer.Ordinal);

    public ClusterSnapshot Take()
    {
        var pods = cache.Pods.Snapshot();
        var podsByJob = pods.ToLookup(JobOwnership.JobKeyOf, StringComparer.Ordinal);
        var now = time.GetUtcNow();
        var waiting = cache.Jobs.Snapshot()
            .Where(j => !JobPhase.IsTerminal(j.Status?.Phase) && !podsByJob[j.Key].Any(p => JobOwnership.Owns(j, p)) && !FlaggedInvalid(j) && !backoff.Holds(j, now))
            .OrderByDescending(j => j.Spec.Priority ?? 0)
            .ThenBy(j => j.Metadata.CreationTimestamp ?? DateTime.MinValue)
            .ThenBy(j => j.Key, StringComparer.Ordinal)
            .Select(Translate)
            .ToList();
        var plannable = waiting.Where(t => !t.IsInvalid).ToList();

        // Each node's inventory is read once per window, for its GPU slots and its node checks both.
        var nodes = cache.Nodes.Snapshot().OrderBy(n => n.Metadata.Name, StringComparer.Ordinal).Select(n => (Node: n, Inventory: Inventory(n))).ToList();
        var live = pods.Where(JobOwnership.IsLive).ToList();
        return new ClusterSnapshot(
            [.. plannable.Take(batchLimit)],
            [.. waiting.Where(t => t.IsInvalid)],
            Slots(nodes, live, podsByJob),
            plannable.Count,
            ReadNodes(nodes, live, now));
    }

    /// <summary>Each node's facts as its kubelet would check them, with the CPU and memory its live pods request.</summary>
    private NodeChecks ReadNodes(List<(V1Node Node, NodeInventory? Inventory)> nodes, List<V1Pod> live, DateTimeOffset now)
    {
        var onNode = live.ToLookup(p => PodGpuRequests.NodeOf(p) ?? string.Empty, StringComparer.Ordinal);
        var facts = nodes.ToDictionary(
            n => n.Node.Metadata.Name,
            n => NodeFactsReader.Read(n.Node, onNode[n.Node.Metadata.Name], n.Inventory, resourcePrefix),
            StringComparer.Ordinal);
        return new NodeChecks(facts, now, inventoryMaxAge);
    }

    // A node's inventory; a problem with it is logged once per node for the life of the process.
    private NodeInventory? Inventory(V1Node node)
    {
        var inventory = NodeInventoryReader.Read(node, resourcePrefix, out var problem);
        if (problem is not null && _reportedNodes.Add(node.Metadata.Name))
        {
            LogInventory(problem);
        }

        return inventory;
    }

    /// <summary>The job's translation, made once per version of the job and its profile.</summary>
    public JobTranslation Translate(GpuJob job) => translations.Translate(job);

    private static bool FlaggedInvalid(GpuJob job) =>
        job.Status?.Condition(ConditionTypes.Invalid) is { IsTrue: true } c && c.ObservedGeneration == job.Metadata.Generation;

    private List<GpuSlot> Slots(List<(V1Node Node, NodeInventory? Inventory)> nodes, List<V1Pod> live, ILookup<string, V1Pod> podsByJob)
    {
        var occupants = live
            .Select(p => (Pod: p, Gpu: GpuOf(p)))
            .Where(x => x.Gpu is not null)
            .ToLookup(x => x.Gpu!.Value, x => x.Pod);
        var used = live
            .SelectMany(p => PodGpuRequests.Of(p, resourcePrefix))
            .GroupBy(u => u.Key)
            .ToDictionary(g => g.Key, g => g.Sum(u => u.Value));
        var slots = new List<GpuSlot>();
        foreach (var (_, inventory) in nodes)
        {
            foreach (var gpu in inventory?.Gpus.Where(g => g.Healthy) ?? [])
            {
                var id = new GpuId(inventory!.NodeName, gpu.Index);
                var onGpu = occupants[id].ToList();
                var predicted = onGpu.Sum(PredictedNp);
                var free = Math.Max(0, GpuResources.UnitsPerGpu - used.GetValueOrDefault(id));
                var foreign = used.GetValueOrDefault(id) - onGpu.Sum(p => PodGpuRequests.Of(p, resourcePrefix).GetValueOrDefault(id));
                var state = free == 0 || foreign > 0
                    ? null // full, or partly held by a pod that is not a (sealed) GpuJob pod: no share of it is known to be safe
                    : State(new Gpu(id, inventory.Model), onGpu);
                slots.Add(new GpuSlot(new Gpu(id, inventory.Model), gpu.Uuid, state, predicted, Reservation(onGpu, podsByJob), free));
            }
        }

        return slots;
    }

    private GpuState? State(Gpu gpu, List<V1Pod> onGpu)
    {
        if (onGpu.Count == 0)
        {
            return GpuState.Idle(gpu);
        }

        if (onGpu.Count > 1)
        {
            return null;
        }

        var job = cache.Jobs.Get(JobOwnership.JobKeyOf(onGpu[0]));
        var running = job is null ? null : Translate(job).Job;

        // Its share was fixed when its process started: a newcomer gets only what it left (none when alone).
        var annotations = onGpu[0].Metadata.Annotations;
        var left = SharingAnnotation.PartnerSetting(MetadataValues.Get(annotations, PodAnnotations.SharingMode), MetadataValues.Get(annotations, PodAnnotations.Share));
        return running is null ? null : new GpuState(gpu, [running], new Resident(left?.Swapped ?? SharingSetting.Exclusive));
    }

    /// <summary>
    /// The partner the single pod on a GPU was written with, while that partner is still owed the
    /// slot: it exists, has not ended and has no live pod (never written, or refused and requeued).
    /// </summary>
    private PartnerReservation? Reservation(List<V1Pod> onGpu, ILookup<string, V1Pod> podsByJob)
    {
        if (onGpu.Count != 1)
        {
            return null;
        }

        var annotations = onGpu[0].Metadata.Annotations;
        var partner = MetadataValues.Get(annotations, PodAnnotations.Partner);
        var setting = SharingAnnotation.PartnerSetting(MetadataValues.Get(annotations, PodAnnotations.SharingMode), MetadataValues.Get(annotations, PodAnnotations.Share));
        if (string.IsNullOrEmpty(partner) || setting is null || cache.Jobs.Get(partner) is not { } job || JobPhase.IsTerminal(job.Status?.Phase))
        {
            return null;
        }

        return podsByJob[partner].Any(p => JobOwnership.Owns(job, p) && JobOwnership.IsLive(p)) ? null : new PartnerReservation(partner, setting);
    }

    private static GpuId? GpuOf(V1Pod pod)
    {
        var node = PodGpuRequests.NodeOf(pod);
        return node is not null && int.TryParse(MetadataValues.Get(pod.Metadata.Annotations, PodAnnotations.GpuIndex), out var index)
            ? new GpuId(node, index)
            : null;
    }

    /// <summary>A job alone counts 1 when nothing was predicted; a shared one counts its prediction.</summary>
    private static double PredictedNp(V1Pod pod)
    {
        var annotations = pod.Metadata.Annotations;
        var predicted = SharingAnnotation.ParseNumber(MetadataValues.Get(annotations, PodAnnotations.PredictedNp));
        return predicted ?? (string.IsNullOrEmpty(MetadataValues.Get(annotations, PodAnnotations.Partner)) ? 1.0 : 0.0);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "GPU inventory: {Problem}")]
    private partial void LogInventory(string problem);
}
