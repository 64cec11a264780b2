using GpuPool.Core.Gpus;
using GpuPool.Core.Metrics;

namespace GpuPool.Core.Tests.Domain;

public class ThroughputTests
{
    private static JobOutcome Outcome(string id, double qos, double isolated, double start, double end, int gpu = 0) =>
        new(id, new GpuId("n0", gpu), qos, isolated, start, end);

    [Fact]
    public void Np_is_isolated_over_shared_time()
    {
        Assert.Equal(0.8, Outcome("a", 0.5, 8, 10, 20).Np, 12);
    }

    [Fact]
    public void Stp_sums_np_and_qos_reached_counts_jobs_at_or_above_target()
    {
        JobOutcome[] outcomes =
        [
            Outcome("a", 0.5, 5, 0, 10),       // NP 0.5, exactly the target: met
            Outcome("b", 0.9, 8, 0, 10),       // NP 0.8 < 0.9: missed
            Outcome("c", 0.7, 10, 0, 10, 1),   // NP 1
        ];

        Assert.Equal(2.3, Throughput.Stp(outcomes), 12);
        Assert.Equal(2.0 / 3, Throughput.QosReached(outcomes), 12);
        Assert.Equal(2, Throughput.GpusUsed(outcomes));
    }

    [Fact]
    public void QosReached_of_no_jobs_is_one()
    {
        Assert.Equal(1.0, Throughput.QosReached([]));
    }

    [Theory]
    [InlineData(10, 10, 1.0)]
    [InlineData(15, 10, 1.5)]
    [InlineData(5, 0, 0.0)]
    public void GpuStp_is_isolated_work_per_busy_second(double work, double busy, double expected)
    {
        Assert.Equal(expected, Throughput.GpuStp(work, busy), 12);
    }

    [Theory]
    [InlineData(0, 1)]
    [InlineData(1, 0)]
    [InlineData(-1, 1)]
    [InlineData(double.NaN, 1)]
    public void Np_rejects_non_positive_times(double isolated, double shared)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Throughput.NormalizedProgress(isolated, shared));
    }
}
