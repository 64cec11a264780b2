using GpuPool.Core.Jobs;

namespace GpuPool.Core.Placement;

/// <summary>The snapshot a window plans from: jobs waiting to start, and every GPU's state.</summary>
public sealed record SchedulingBatch(IReadOnlyList<Job> Pending, IReadOnlyList<GpuState> Gpus);
