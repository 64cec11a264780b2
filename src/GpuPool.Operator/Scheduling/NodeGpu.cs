namespace GpuPool.Operator.Scheduling;

/// <summary>One GPU of a node's inventory.</summary>
public sealed record NodeGpu(int Index, string? Uuid, bool Healthy);
