using GpuPool.Core.Jobs;
using GpuPool.Core.Placement;

namespace GpuPool.Core.Tests.Builders;

/// <summary>
/// Seeded windows: pending jobs drawn from a few applications (so profiles repeat), varied QoS and
/// memory, and GPUs of which some already run a job with a free partner slot.
/// </summary>
internal static class RandomWindow
{
    public static SchedulingBatch Create(int seed, int pending = 40, int applications = 6)
    {
        var random = new Random(seed);
        var apps = Enumerable.Range(0, applications)
            .Select(a => (Kernels: Enumerable.Range(0, random.Next(1, 4)).Select(k => Build.Kernel($"app{a}-k{k}")).ToList(), Iterations: 100 * random.Next(1, 5)))
            .ToList();
        Job NewJob(string id)
        {
            var app = apps[random.Next(apps.Count)];
            return new Job(id, app.Kernels, app.Iterations, 0.3 + (0.1 * random.Next(0, 4)), random.Next(1, 20) * 1024);
        }

        var jobs = Enumerable.Range(0, pending).Select(i => NewJob($"p{i}")).ToList();
        var gpus = Enumerable.Range(0, pending / 2)
            .Select(i => random.NextDouble() < 0.25 ? Build.Busy("n", NewJob($"r{i}"), i) : Build.IdleGpu("n", i))
            .ToList();
        return new SchedulingBatch(jobs, gpus);
    }
}
