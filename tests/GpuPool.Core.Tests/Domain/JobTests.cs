using GpuPool.Core.Jobs;
using GpuPool.Core.Kernels;
using GpuPool.Core.Tests.Builders;

namespace GpuPool.Core.Tests.Domain;

public class JobTests
{
    [Fact]
    public void Isolated_time_is_one_iteration_times_iterations()
    {
        var job = new Job("j", [Build.Kernel("a", seconds: 0.5), Build.Kernel("b", seconds: 1.5)], 10, 0.5, 0);

        Assert.Equal(2.0, job.IterationSeconds, 12);
        Assert.Equal(20.0, job.IsolatedSeconds, 12);
    }

    public static TheoryData<int, double, long, string> Invalid => new()
    {
        { 0, 0.5, 0, "iterations" },
        { 10, 0.0, 0, "qosTarget" },
        { 10, 1.01, 0, "qosTarget" },
        { 10, double.NaN, 0, "qosTarget" },
        { 10, 0.5, -1, "gpuMemoryMiB" },
    };

    [Theory]
    [MemberData(nameof(Invalid))]
    public void Invalid_jobs_name_the_field(int iterations, double qos, long memory, string field)
    {
        var error = Assert.ThrowsAny<ArgumentException>(() => new Job("j", [Build.Kernel("a")], iterations, qos, memory));

        Assert.Equal(field, error.ParamName);
        Assert.Contains("'j'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_job_needs_kernels()
    {
        var error = Assert.Throws<ArgumentException>(() => new Job("j", Array.Empty<KernelProfile>(), 1, 0.5, 0));

        Assert.Equal("kernels", error.ParamName);
    }

    [Fact]
    public void Kernel_counters_must_be_finite()
    {
        var counters = new Dictionary<string, double> { ["ipc"] = double.PositiveInfinity };

        var error = Assert.Throws<ArgumentException>(() => new KernelProfile("k", new LaunchGeometry(1, 32, 0, 0), 1, counters));

        Assert.Contains("ipc", error.Message, StringComparison.Ordinal);
    }
}
