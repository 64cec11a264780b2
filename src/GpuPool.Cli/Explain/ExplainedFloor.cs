namespace GpuPool.Cli.Explain;

/// <summary>A job's QoS target and the floor its predicted NP must exceed: target x (1 + delta).</summary>
public sealed record ExplainedFloor(double QosTarget, double Floor, long GpuMemoryMiB);
