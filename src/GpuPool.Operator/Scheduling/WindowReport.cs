namespace GpuPool.Operator.Scheduling;

/// <summary>
/// What one window did: decisions planned and bound, jobs still waiting, specs rejected, pairs
/// formed, time spent planning; <see cref="Skipped"/> when it did nothing because a cache had not listed.
/// </summary>
public sealed record WindowReport(int Planned, int Bound, int Waiting, int Rejected, int PairsFormed, TimeSpan Planning, bool Skipped = false)
{
    public static WindowReport NotSynced { get; } = new(0, 0, 0, 0, 0, TimeSpan.Zero, Skipped: true);
}
