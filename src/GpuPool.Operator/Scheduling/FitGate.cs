using GpuPool.Core.Placement;
using GpuPool.Core.Sharing;
using GpuPool.Operator.Fitting;

namespace GpuPool.Operator.Scheduling;

/// <summary>
/// One window's node checks around the policy, pure: before planning, the nodes each job's pod
/// would be admitted on (a job no open node admits waits with that node's reason); after, each
/// assignment again with the CPU and memory of the window's earlier placements on its node
/// counted, so two placements never overcommit a node together. The policy itself knows nothing
/// of nodes.
/// </summary>
public sealed class FitGate(NodeChecks checks)
{
    private const int NodesNamed = 3;

    private readonly Dictionary<string, ResourceUse> _placed = new(StringComparer.Ordinal);
    private readonly Dictionary<string, NodeMisfit> _misfits = new(StringComparer.Ordinal);

    /// <summary>Why each job that a node check kept off its nodes waits, by job key.</summary>
    public IReadOnlyDictionary<string, NodeMisfit> Misfits => _misfits;

    /// <summary>True when <paramref name="job"/>'s pod fits <paramref name="node"/> now; counts it there if so, records why not if not.</summary>
    public bool TryPlace(JobTranslation job, string node)
    {
        ArgumentNullException.ThrowIfNull(job);
        if (checks.Check(node, job.Needs, _placed.GetValueOrDefault(node)) is { } misfit)
        {
            _misfits[job.Resource.Key] = misfit;
            return false;
        }

        _placed[node] = _placed.GetValueOrDefault(node) + job.Needs.Requests;
        _misfits.Remove(job.Resource.Key);
        return true;
    }

    /// <summary>
    /// The nodes among <paramref name="open"/> that admit the job's pod now; when none does, the
    /// job's misfit names the most common reason and up to three nodes.
    /// </summary>
    public IReadOnlySet<string> Admitting(JobTranslation job, IReadOnlyList<string> open)
    {
        ArgumentNullException.ThrowIfNull(job);
        ArgumentNullException.ThrowIfNull(open);
        var refused = new List<NodeMisfit>();
        var admitting = new HashSet<string>(StringComparer.Ordinal);
        foreach (var node in open)
        {
            if (checks.Check(node, job.Needs, _placed.GetValueOrDefault(node)) is { } misfit)
            {
                refused.Add(misfit);
            }
            else
            {
                admitting.Add(node);
            }
        }

        if (admitting.Count == 0 && refused.Count > 0)
        {
            var reason = refused.GroupBy(m => m.Reason).OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal).First().Key;
            var named = string.Join("; ", refused.Take(NodesNamed).Select(m => m.Message));
            var more = refused.Count > NodesNamed ? $"; and {refused.Count - NodesNamed} more" : string.Empty;
            _misfits[job.Resource.Key] = new NodeMisfit(refused[0].Node, reason, $"No node with a free GPU would admit the pod: {named}{more}.");
        }

        return admitting;
    }

    /// <summary>
    /// The assignments of one policy plan that fit their nodes, in order. A pair of two new jobs of
    /// which only one fits becomes that job alone (the other waits with its reason), so the same
    /// pair is not planned onto the same node again and again.
    /// </summary>
    public List<Assignment> Accept(IReadOnlyList<Assignment> assignments, IReadOnlyDictionary<string, JobTranslation> byId)
    {
        ArgumentNullException.ThrowIfNull(assignments);
        ArgumentNullException.ThrowIfNull(byId);
        var accepted = new List<Assignment>();
        foreach (var onGpu in assignments.GroupBy(a => a.Gpu))
        {
            var fitting = onGpu.Where(a => TryPlace(byId[a.Job.Id], a.Gpu.Node)).ToList();
            var pairOfNew = onGpu.Count() == 2;
            accepted.AddRange(pairOfNew && fitting.Count == 1
                ? [fitting[0] with { Partner = null, Setting = SharingSetting.Exclusive, PredictedNp = null }]
                : fitting);
        }

        return accepted;
    }
}
