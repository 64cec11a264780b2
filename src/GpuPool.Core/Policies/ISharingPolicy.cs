using GpuPool.Core.Placement;

namespace GpuPool.Core.Policies;

/// <summary>A way of deciding which jobs share which GPU in one scheduling window.</summary>
public interface ISharingPolicy
{
    /// <summary>Short stable name used in reports and options (e.g. "GpuPool").</summary>
    string Name { get; }

    PlacementPlan Plan(SchedulingBatch batch);
}
