using System.Globalization;
using GpuPool.Simulation.Workloads;

namespace GpuPool.Cli.Commands;

/// <summary>
/// How many scheduling windows a simulation needs, estimated from its arrivals before it starts:
/// the last arrival plus the isolated work spread over every GPU, in windows. Refusing runs far
/// past <see cref="MaxWindows"/> keeps every run bounded, whatever the data set's durations and
/// the window, load and job count combine to.
/// </summary>
internal static class RunSize
{
    /// <summary>About a minute of simulation per policy on one core.</summary>
    public const double MaxWindows = 1_000_000;

    public static double Windows(IReadOnlyList<JobArrival> arrivals, int gpus, double windowSeconds)
    {
        ArgumentNullException.ThrowIfNull(arrivals);
        var lastArrival = arrivals.Count == 0 ? 0 : arrivals.Max(a => a.ArrivalSeconds);
        var work = arrivals.Sum(a => a.Job.IsolatedSeconds);
        return (lastArrival + (work / gpus)) / windowSeconds;
    }

    /// <summary>Throws naming the options that size the run when it would take more than <see cref="MaxWindows"/> windows.</summary>
    public static void Check(IReadOnlyList<JobArrival> arrivals, int gpus, double windowSeconds)
    {
        var windows = Windows(arrivals, gpus, windowSeconds);
        if (!(windows <= MaxWindows))
        {
            throw new UsageException(string.Create(
                CultureInfo.InvariantCulture,
                $"the run would need about {windows:0.#e0} scheduling windows of {windowSeconds} s (limit {MaxWindows:0.#e0}): raise --window, or lower --jobs, or use a data set with shorter isolated_seconds."));
        }
    }
}
