using GpuPool.Core.Jobs;
using GpuPool.Core.Kernels;

namespace GpuPool.Simulation.Workloads;

/// <summary>Draws a batch of jobs from candidate kernels, seeded (same seed, same jobs).</summary>
public static class JobMixGenerator
{
    public static IReadOnlyList<Job> Generate(IReadOnlyList<KernelProfile> candidates, JobMixOptions options, int seed)
    {
        ArgumentNullException.ThrowIfNull(candidates);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        if (candidates.Count == 0)
        {
            throw new ArgumentException("At least one candidate kernel is needed.", nameof(candidates));
        }

        var random = new Random(seed);
        var jobs = new List<Job>(options.JobCount);
        for (var i = 0; i < options.JobCount; i++)
        {
            var count = Math.Min(options.KernelsPerJob[random.Next(options.KernelsPerJob.Count)], candidates.Count);
            var kernels = candidates.OrderBy(_ => random.Next()).Take(count).ToList();
            var iterations = options.Iterations[random.Next(options.Iterations.Count)];
            var qos = options.QosTargets[random.Next(options.QosTargets.Count)];
            jobs.Add(new Job($"job-{seed}-{i:000}", kernels, iterations, qos, Memory(options, random)));
        }

        return jobs;
    }

    private static long Memory(JobMixOptions options, Random random)
    {
        const long Step = 512;
        var (low, high) = random.NextDouble() < options.LargeMemoryShare
            ? (options.MemoryMaxMiB + Step, options.LargeMemoryMaxMiB)
            : (options.MemoryMinMiB, options.MemoryMaxMiB);
        var steps = Math.Max(0, (high - low) / Step);
        return Math.Min(high, low + (random.NextInt64(steps + 1) * Step));
    }
}
