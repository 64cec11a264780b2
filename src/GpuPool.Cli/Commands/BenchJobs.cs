using GpuPool.Core.Jobs;
using GpuPool.Core.Kernels;

namespace GpuPool.Cli.Commands;

/// <summary>
/// Seeded jobs for benchmarks, drawn like the paper's job mix: 4, 8, 12 or 16 distinct kernels
/// (capped by the profiles available), 400..2800 iterations, QoS target 0.5..0.9.
/// </summary>
internal static class BenchJobs
{
    public static IReadOnlyList<Job> Generate(IReadOnlyList<KernelProfile> profiles, int count, int seed)
    {
        var random = new Random(seed);
        var jobs = new List<Job>(count);
        for (var i = 0; i < count; i++)
        {
            var kernels = Math.Min(profiles.Count, 4 * random.Next(1, 5));
            var chosen = profiles.OrderBy(_ => random.Next()).Take(kernels).ToList();
            var iterations = 400 * random.Next(1, 8);
            var qos = 0.5 + (0.1 * random.Next(0, 5));
            jobs.Add(new Job($"job-{i}", chosen, iterations, qos, gpuMemoryMiB: 0));
        }

        return jobs;
    }
}
