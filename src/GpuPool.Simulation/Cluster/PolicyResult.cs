using GpuPool.Core.Metrics;

namespace GpuPool.Simulation.Cluster;

/// <summary>
/// What one policy achieved on one workload. Stp = sum of job NP; StpPerGpu = isolated work per
/// busy GPU-second (1 without sharing); times in simulated seconds; JCT = end - arrival.
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
    IReadOnlyList<double> GpuStps);
