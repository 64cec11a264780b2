using GpuPool.Operator.Fitting;

namespace GpuPool.Operator.Scheduling;

/// <summary>
/// Step 3's result: decisions to write, jobs left waiting, GPUs newly holding two jobs, and for
/// the waiting jobs a node check kept off their nodes, why (by job key).
/// </summary>
public sealed record WindowPlan(IReadOnlyList<Placement> Placements, IReadOnlyList<JobTranslation> Waiting, int PairsFormed, IReadOnlyDictionary<string, NodeMisfit>? Misfits = null)
{
    public NodeMisfit? MisfitOf(JobTranslation job)
    {
        ArgumentNullException.ThrowIfNull(job);
        return Misfits?.GetValueOrDefault(job.Resource.Key);
    }
}
