using GpuPool.Core.Gpus;
using GpuPool.Core.Kernels;
using GpuPool.Emulator.Tests.Support;

namespace GpuPool.Emulator.Tests;

/// <summary>The notices an emulated GPU gives on top of the timeline it hosts, and what it refuses.</summary>
public sealed class EmulatedGpuNoticeTests
{
    private static readonly TableCoRunModel Model = new(new Dictionary<(string, string), (double, double)>
    {
        [("ka", "kb")] = (0.6, 0.8),
        [("kd", "kb")] = (-1, 0.8),
        [("ke", "kb")] = (double.NaN, 0.8),
    });

    [Fact]
    public void A_job_alone_is_told_its_progress_at_every_tenth_of_its_iterations()
    {
        var gpu = new EmulatedGpu(0, "GPU-x", GpuModel.V100, Model);
        gpu.Join(Job("a", 20, 0.5, ("ka", 0.6)), 0);

        var notices = gpu.AdvanceTo(100);

        // Alone at half of each SM the test double's rate is 0.5: 1.2 s per iteration, a tenth every 2.
        var progress = notices.Where(n => n.Kind == EmulatorNoticeKind.Progress).ToList();
        Assert.Equal([2, 4, 6, 8, 10, 12, 14, 16, 18], progress.Select(n => n.IterationsDone));
        Assert.Equal([2.4, 4.8, 7.2, 9.6, 12, 14.4, 16.8, 19.2, 21.6], progress.Select(n => Math.Round(n.ElapsedSeconds, 9)));
        Assert.All(progress, n => Assert.Equal((0.5, ""), (n.Rate, n.CoRunner)));
        Assert.Equal(24.0, notices.Single(n => n.Kind == EmulatorNoticeKind.Finished).ElapsedSeconds, 9);
    }

    public static TheoryData<string, double, Type> Refusals => new()
    {
        // Beside a job at share 0.5: the shares of a pair add up to 1, as the MPS percentages do.
        { "share 0.25 beside 0.5", 0.25, typeof(InvalidOperationException) },
        { "share 1 beside 0.5", 1.0, typeof(InvalidOperationException) },
        { "a block too big for an SM", 0.5, typeof(ArgumentException) },
        { "kernels the model rates below zero", 0.5, typeof(InvalidOperationException) },
    };

    [Theory]
    [MemberData(nameof(Refusals))]
    public void A_job_that_cannot_join_is_refused_and_the_running_job_runs_on(string refusal, double share, Type error)
    {
        var gpu = new EmulatedGpu(0, "GPU-x", GpuModel.V100, Model);
        var running = Job("b", 10, 0.5, ("kb", 0.8));
        gpu.Join(running, 0);
        var kernel = refusal switch
        {
            "a block too big for an SM" => new KernelProfile("huge", new LaunchGeometry(80, 1024, 255, 0), 1, new Dictionary<string, double>()),
            "kernels the model rates below zero" => Kernels.Kernel("kd", 1),
            _ => Kernels.Kernel("ka", 0.6),
        };

        Assert.Throws(error, () => gpu.Join(new EmulatedJob("a", share, [kernel], 1), 1));

        Assert.Same(running, gpu.Jobs.Single());
        Assert.Equal(16.0, gpu.AdvanceTo(100).Single(n => n.Kind == EmulatorNoticeKind.Finished).ElapsedSeconds, 9);
    }

    [Theory]
    [InlineData("kd")]
    [InlineData("ke")]
    public void A_rate_the_model_cannot_give_fails_both_jobs_at_the_kernel_boundary_that_asked_for_it(string badKernel)
    {
        var gpu = new EmulatedGpu(0, "GPU-x", GpuModel.V100, Model);

        // a: ka (0.6 s at 0.6 beside kb: ends at 1 s), then the kernel the model cannot rate.
        var a = Job("a", 1, 0.5, ("ka", 0.6), (badKernel, 1));
        var b = Job("b", 10, 0.5, ("kb", 0.8));
        gpu.Join(a, 0);
        gpu.Join(b, 0);

        var failed = gpu.AdvanceTo(100).Where(n => n.Kind == EmulatorNoticeKind.Failed).ToList();

        Assert.Equal([a, b], failed.Select(n => n.Job));
        Assert.All(failed, n => Assert.Equal(1.0, n.ElapsedSeconds, 9));
        Assert.All(failed, n => Assert.Contains($"kernel '{badKernel}'", n.Message, StringComparison.Ordinal));
        Assert.Empty(gpu.Jobs);
        Assert.Null(gpu.NextEventAt);
    }

    private static EmulatedJob Job(string id, int iterations, double share, params (string Id, double Seconds)[] kernels) =>
        new(id, share, kernels.Select(k => Kernels.Kernel(k.Id, k.Seconds)).ToList(), iterations);
}
