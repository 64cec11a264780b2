using GpuPool.Cli.Output;
using GpuPool.Core.Gpus;
using GpuPool.Core.Metrics;

namespace GpuPool.Cli.Tests.Commands;

public sealed class SharedJobsTests
{
    private static JobOutcome Ran(string id, int gpu, double start, double end) => new(id, new GpuId("node-0", gpu), 0.5, 1, start, end);

    public static TheoryData<JobOutcome[], int> Runs => new()
    {
        { [Ran("a", 0, 0, 10), Ran("b", 1, 0, 10)], 0 },
        { [Ran("a", 0, 0, 10), Ran("b", 0, 5, 15)], 2 },
        // Back to back on one GPU is not sharing.
        { [Ran("a", 0, 0, 10), Ran("b", 0, 10, 20)], 0 },
        // A long job that meets two partners in turn counts once.
        { [Ran("a", 0, 0, 30), Ran("b", 0, 0, 10), Ran("c", 0, 10, 20)], 3 },
    };

    [Theory]
    [MemberData(nameof(Runs))]
    public void Counts_each_job_that_overlapped_another_on_its_gpu_once(JobOutcome[] outcomes, int shared) =>
        Assert.Equal(shared, SharedJobs.Count(outcomes));
}
