using GpuPool.Core.Jobs;

namespace GpuPool.Core.Placement;

/// <summary>
/// What one scheduling window decided: pure data, written to the cluster afterwards. Jobs in
/// <see cref="Waiting"/> were not placed and stay pending for the next window.
/// </summary>
public sealed record PlacementPlan(IReadOnlyList<Assignment> Assignments, IReadOnlyList<Job> Waiting)
{
    public static PlacementPlan Empty { get; } = new([], []);

    /// <summary>GPUs that now hold two jobs because of this plan (two new jobs, or one beside a running one).</summary>
    public int PairsFormed
    {
        get
        {
            var placed = Assignments.Select(a => a.Job).ToHashSet();
            var withPending = Assignments.Count(a => a.Partner is not null && placed.Contains(a.Partner));
            var withRunning = Assignments.Count(a => a.Partner is not null && !placed.Contains(a.Partner));
            return (withPending / 2) + withRunning;
        }
    }
}
