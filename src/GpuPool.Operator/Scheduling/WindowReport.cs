namespace GpuPool.Operator.Scheduling;

/// <summary>What one window did: decisions planned and bound, jobs still waiting, specs rejected, pairs formed, time spent planning.</summary>
public sealed record WindowReport(int Planned, int Bound, int Waiting, int Rejected, int PairsFormed, TimeSpan Planning);
