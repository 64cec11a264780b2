using GpuPool.Core.Metrics;

namespace GpuPool.Simulation.Cluster;

/// <summary>Turns job outcomes into a <see cref="PolicyResult"/>; busy time per GPU is the union of its jobs' run intervals.</summary>
public static class ResultCalculator
{
    public static PolicyResult Summarise(string name, IReadOnlyList<JobOutcome> outcomes, IReadOnlyDictionary<string, double> arrivals, int waiting)
    {
        ArgumentNullException.ThrowIfNull(outcomes);
        ArgumentNullException.ThrowIfNull(arrivals);
        var perGpu = outcomes.GroupBy(o => o.Gpu).Select(g => (Work: g.Sum(o => o.IsolatedSeconds), Busy: BusySeconds(g))).ToList();
        var jct = outcomes.Select(o => o.EndSeconds - arrivals[o.JobId]).Order().ToList();
        return new PolicyResult(
            name,
            Throughput.Stp(outcomes),
            Throughput.GpuStp(perGpu.Sum(g => g.Work), perGpu.Sum(g => g.Busy)),
            Throughput.QosReached(outcomes),
            Throughput.GpusUsed(outcomes),
            outcomes.Count == 0 ? 0 : outcomes.Max(o => o.EndSeconds) - arrivals.Values.Min(),
            jct.Count == 0 ? 0 : jct.Average(),
            Percentile(jct, 0.95),
            waiting,
            outcomes,
            perGpu.Select(g => Throughput.GpuStp(g.Work, g.Busy)).ToList());
    }

    private static double BusySeconds(IEnumerable<JobOutcome> jobs)
    {
        var busy = 0.0;
        var coveredUntil = double.NegativeInfinity;
        foreach (var job in jobs.OrderBy(j => j.StartSeconds))
        {
            var start = Math.Max(job.StartSeconds, coveredUntil);
            if (job.EndSeconds > start)
            {
                busy += job.EndSeconds - start;
                coveredUntil = job.EndSeconds;
            }
        }

        return busy;
    }

    // Nearest-rank percentile of sorted values.
    private static double Percentile(List<double> sorted, double p) =>
        sorted.Count == 0 ? 0 : sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Count) - 1, 0, sorted.Count - 1)];
}
