using GpuPool.Core.Metrics;

namespace GpuPool.Simulation.Cluster;

/// <summary>
/// What one policy achieved on one workload. Stp = sum of job NP; StpPerGpu = isolated work per
/// busy GPU-second (1 without sharing, so it is also the throughput gain over NoSharing); times in
/// simulated seconds; JCT = end - arrival. A <see cref="IsBound"/> row is no run: only its
/// StpPerGpu means something (the others are NaN).
/// </summary>
public sealed record PolicyResult(
    string Name,
    double Stp,
    double StpPerGpu,
    double QosReached,
    int GpusUsed,
    double Makespan,
    double AverageJct,
    double P95Jct,
    int JobsWaiting,
    IReadOnlyList<JobOutcome> Outcomes,
    IReadOnlyList<double> GpuStps)
{
    public bool IsBound { get; init; }

    /// <summary>A throughput bound shown beside the runs (see <see cref="Bounds.ThroughputBound"/>).</summary>
    public static PolicyResult Bound(string name, double stpPerGpu) =>
        new(name, double.NaN, stpPerGpu, double.NaN, 0, double.NaN, double.NaN, double.NaN, 0, [], []) { IsBound = true };
}
