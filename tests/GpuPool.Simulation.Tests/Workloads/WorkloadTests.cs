using GpuPool.Core.Gpus;
using GpuPool.Simulation.Workloads;

namespace GpuPool.Simulation.Tests.Workloads;

public sealed class WorkloadTests
{
    [Fact]
    public void Embedded_kernels_are_the_seeded_generator_output()
    {
        var generated = SyntheticKernelGenerator.Generate(SyntheticKernelGenerator.DefaultCount, SyntheticKernelGenerator.DefaultSeed, GpuModel.V100);
        var embedded = EmbeddedWorkload.Dataset();

        Assert.Equal(generated.Select(k => k.Id), embedded.Profiles.Select(k => k.Id));
        Assert.All(generated.Zip(embedded.Profiles), p =>
        {
            Assert.Equal(p.First.Geometry, p.Second.Geometry);
            Assert.Equal(p.First.IsolatedSeconds, p.Second.IsolatedSeconds);
            Assert.All(p.First.Counters, c => Assert.Equal(c.Value, p.Second.Counter(c.Key)));
        });
        Assert.All(embedded.Profiles, k => Assert.True(k.Geometry.MaxBlocksPerSm(GpuModel.V100) >= 1, k.Id));
    }

    [Fact]
    public void Job_mix_follows_the_paper_choices_and_is_seeded()
    {
        var kernels = EmbeddedWorkload.Dataset().Profiles;
        var options = new JobMixOptions();

        var jobs = JobMixGenerator.Generate(kernels, options, 3);

        Assert.Equal(100, jobs.Count);
        Assert.All(jobs, j =>
        {
            Assert.Contains(j.QosTarget, options.QosTargets);
            Assert.Contains(j.Iterations, options.Iterations);
            Assert.Contains(j.Kernels.Count, options.KernelsPerJob);
            Assert.Equal(j.Kernels.Count, j.Kernels.Distinct().Count());
            Assert.InRange(j.GpuMemoryMiB, options.MemoryMinMiB, options.LargeMemoryMaxMiB);
        });
        Assert.Equal(jobs.Select(j => (j.Iterations, j.QosTarget, j.GpuMemoryMiB)), JobMixGenerator.Generate(kernels, options, 3).Select(j => (j.Iterations, j.QosTarget, j.GpuMemoryMiB)));
        Assert.NotEqual(jobs.Select(j => j.Iterations), JobMixGenerator.Generate(kernels, options, 4).Select(j => j.Iterations));
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(0.5)]
    public void Arrivals_are_ordered_and_average_the_requested_gap(double zeroShare)
    {
        var times = ArrivalGenerator.Times(20000, new ArrivalParameters(zeroShare, -0.5, 1.0), 3.0, 1);

        Assert.Equal(times.Order(), times);
        Assert.Equal(3.0, times[^1] / (times.Count - 1), 0.3);
    }

    [Fact]
    public void Fitting_the_philly_trace_gives_the_shipped_parameters()
    {
        var fitted = PhillyTrace.Fit(PhillyTrace.ReadSingleGpuJobs(Path.Combine(SharedData.Folder("philly"), "philly.csv")));

        Assert.Equal(ArrivalParameters.Philly.ZeroGapShare, fitted.ZeroGapShare, 3);
        Assert.Equal(ArrivalParameters.Philly.LogMean, fitted.LogMean, 3);
        Assert.Equal(ArrivalParameters.Philly.LogSigma, fitted.LogSigma, 3);
    }

    [Fact]
    public void Malformed_trace_names_the_cell()
    {
        var path = Path.Combine(Path.GetTempPath(), $"trace-{Guid.NewGuid():N}.csv");
        File.WriteAllText(path, "timestamp,duration,num_gpus,gpu_time,cluster\n2017-10-09 07:01:55,66.0,1,66.0,a\nyesterday,5,1,5,a\n");
        try
        {
            var error = Assert.Throws<Simulation.Datasets.DatasetFormatException>(() => PhillyTrace.ReadSingleGpuJobs(path));

            Assert.StartsWith($"{Path.GetFileName(path)}:3:1", error.Message, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(path);
        }
    }
}
