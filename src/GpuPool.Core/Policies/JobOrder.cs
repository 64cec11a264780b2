using GpuPool.Core.Jobs;

namespace GpuPool.Core.Policies;

/// <summary>Who goes first when GPUs are short: higher priority, then earlier arrival (batch order).</summary>
internal static class JobOrder
{
    public static IEnumerable<Job> ByPriority(IEnumerable<Job> jobs) =>
        jobs.Select((job, index) => (job, index))
            .OrderByDescending(x => x.job.Priority)
            .ThenBy(x => x.index)
            .Select(x => x.job);
}
