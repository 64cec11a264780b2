namespace GpuPool.Operator.Scheduling;

/// <summary>Step 3's result: decisions to write, jobs left waiting, and GPUs newly holding two jobs.</summary>
public sealed record WindowPlan(IReadOnlyList<Placement> Placements, IReadOnlyList<JobTranslation> Waiting, int PairsFormed);
