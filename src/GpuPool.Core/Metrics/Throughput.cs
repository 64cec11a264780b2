namespace GpuPool.Core.Metrics;

/// <summary>
/// The paper's metrics, defined once: NP, STP and QoS_reached, and the GPU-time view of STP that
/// makes a cluster run over time comparable to a single batch.
/// </summary>
public static class Throughput
{
    /// <summary>NP within this of the target counts as met (floating-point noise, not leniency).</summary>
    public const double QosTolerance = 1e-9;

    public static double NormalizedProgress(double isolatedSeconds, double sharedSeconds)
    {
        if (!(isolatedSeconds > 0))
        {
            throw new ArgumentOutOfRangeException(nameof(isolatedSeconds), isolatedSeconds, "Isolated time must be positive.");
        }

        if (!(sharedSeconds > 0))
        {
            throw new ArgumentOutOfRangeException(nameof(sharedSeconds), sharedSeconds, "Shared time must be positive.");
        }

        return isolatedSeconds / sharedSeconds;
    }

    /// <summary>System throughput: the sum of every job's NP.</summary>
    public static double Stp(IEnumerable<JobOutcome> outcomes) => outcomes.Sum(o => o.Np);

    /// <summary>Share of jobs whose real NP met their QoS target (1 when there are none).</summary>
    public static double QosReached(IReadOnlyCollection<JobOutcome> outcomes)
    {
        ArgumentNullException.ThrowIfNull(outcomes);
        return outcomes.Count == 0 ? 1.0 : (double)outcomes.Count(o => o.MetQos) / outcomes.Count;
    }

    /// <summary>Distinct GPUs that ran at least one job.</summary>
    public static int GpusUsed(IEnumerable<JobOutcome> outcomes) => outcomes.Select(o => o.Gpu).Distinct().Count();

    /// <summary>
    /// Throughput of one GPU over time: isolated work completed on it per second it was busy.
    /// Exactly 1 for a GPU that only ever ran one job at a time; up to 2 for perfect sharing.
    /// </summary>
    public static double GpuStp(double isolatedWorkSeconds, double busySeconds) =>
        busySeconds > 0 ? isolatedWorkSeconds / busySeconds : 0.0;
}
