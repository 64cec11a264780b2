using GpuPool.Core.Metrics;

namespace GpuPool.Cli.Output;

/// <summary>Jobs that ran beside another job on the same GPU for some time: the pairs a run formed, counted by job.</summary>
public static class SharedJobs
{
    public static int Count(IReadOnlyList<JobOutcome> outcomes)
    {
        ArgumentNullException.ThrowIfNull(outcomes);
        var shared = 0;
        foreach (var gpu in outcomes.GroupBy(o => o.Gpu))
        {
            var jobs = gpu.ToList();
            shared += jobs.Count(j => jobs.Any(o => !ReferenceEquals(o, j) && o.StartSeconds < j.EndSeconds && j.StartSeconds < o.EndSeconds));
        }

        return shared;
    }
}
