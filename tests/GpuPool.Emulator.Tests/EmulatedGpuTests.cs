using GpuPool.Core.Gpus;
using GpuPool.Emulator;
using GpuPool.Emulator.Tests.Support;

namespace GpuPool.Emulator.Tests;

public sealed class EmulatedGpuTests
{
    private static readonly TableCoRunModel Model = new(new Dictionary<(string, string), (double, double)>
    {
        [("ka", "kb")] = (0.6, 0.8),
        [("kc", "kb")] = (0.5, 0.5),
    });

    [Fact]
    public void A_job_whose_partner_leaves_speeds_up_to_its_alone_rate()
    {
        var gpu = new EmulatedGpu(0, "GPU-x", GpuModel.V100, Model);
        var a = Job("a", 10, ("ka", 0.6));
        var b = Job("b", 10, ("kb", 0.8));
        gpu.Join(a, 0);
        gpu.Join(b, 0);

        // 3 s of a's 6 s done by t=5 at 0.6; alone, half an SM gives the double 0.5, so 6 s more.
        var notices = gpu.Leave(b, 5);
        var rerated = notices[^1];
        var finished = gpu.AdvanceTo(100).Single(n => n.Kind == EmulatorNoticeKind.Finished);

        Assert.Equal((a, EmulatorNoticeKind.Progress, 0.5, ""), (rerated.Job, rerated.Kind, rerated.Rate, rerated.CoRunner));
        Assert.Equal(11.0, finished.ElapsedSeconds, 9);
        Assert.Same(a, finished.Job);
    }

    [Fact]
    public void Rates_change_at_every_kernel_boundary_of_either_job()
    {
        var gpu = new EmulatedGpu(0, "GPU-x", GpuModel.V100, Model);

        // a: ka (0.6 s) then kc (1 s), one iteration; b: kb (0.8 s) repeated 10 times, always running.
        var a = Job("a", 1, ("ka", 0.6), ("kc", 1.0));
        gpu.Join(a, 0);
        gpu.Join(Job("b", 10, ("kb", 0.8)), 0);

        // ka ends at 1.0 s (0.6 / 0.6); kc then runs beside kb at 0.5 for 2 s.
        var finished = gpu.AdvanceTo(100).First(n => n.Kind == EmulatorNoticeKind.Finished);

        Assert.Same(a, finished.Job);
        Assert.Equal(3.0, finished.ElapsedSeconds, 9);
    }

    [Fact]
    public void Looking_often_or_rarely_gives_the_same_finish_time()
    {
        double Finish(double step)
        {
            var gpu = new EmulatedGpu(0, "GPU-x", GpuModel.V100, Model);
            var a = Job("a", 3, ("ka", 0.6), ("kc", 1.0));
            gpu.Join(a, 0);
            gpu.Join(Job("b", 10, ("kb", 0.8)), 0);
            for (var t = step; ; t += step)
            {
                var done = gpu.AdvanceTo(t).FirstOrDefault(n => n.Kind == EmulatorNoticeKind.Finished && n.Job == a);
                if (done is not null)
                {
                    return done.ElapsedSeconds;
                }
            }
        }

        Assert.Equal(Finish(1000), Finish(0.01), 9);
    }

    private static EmulatedJob Job(string id, int iterations, params (string Id, double Seconds)[] kernels) =>
        new(id, 0.5, kernels.Select(k => Kernels.Kernel(k.Id, k.Seconds)).ToList(), iterations);
}
