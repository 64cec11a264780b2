using GpuPool.Core.Datasets;

namespace GpuPool.Simulation.Workloads;

/// <summary>
/// Jobs from the paper's mix over a data set's kernels, arriving over time: either the first
/// single-GPU submissions of a Philly trace or the generator fitted to it, rescaled so the offered
/// load per GPU is <see cref="WorkloadOptions.Load"/>; or all at once (<see cref="WorkloadOptions.AllAtOnce"/>).
/// </summary>
public static class WorkloadBuilder
{
    public static IReadOnlyList<JobArrival> Build(ProfileDataset dataset, WorkloadOptions options, int gpus)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        ArgumentNullException.ThrowIfNull(options);
        var jobs = JobMixGenerator.Generate(dataset.Profiles, options.JobMix, options.Seed);
        var meanGap = ArrivalGenerator.MeanGap(jobs.Average(j => j.IsolatedSeconds), options.Load, gpus);
        IReadOnlyList<double> times = options.AllAtOnce ? jobs.Select(_ => 0.0).ToList()
            : options.TracePath is null
            ? ArrivalGenerator.Times(jobs.Count, ArrivalParameters.Philly, meanGap, options.Seed)
            : TraceTimes(options.TracePath, jobs.Count, meanGap);
        return jobs.Zip(times, (job, time) => new JobArrival(job, time)).ToList();
    }

    private static List<double> TraceTimes(string path, int count, double meanGap)
    {
        var trace = PhillyTrace.ReadSingleGpuJobs(path);
        if (trace.Count < count)
        {
            throw new ArgumentException($"{Path.GetFileName(path)}: {trace.Count} single-GPU jobs, fewer than the {count} needed.", nameof(path));
        }

        var times = trace.Take(count).Select(t => t.SubmitSeconds).ToList();
        var traceGap = count > 1 ? times[^1] / (count - 1) : 1.0;
        var scale = traceGap > 0 ? meanGap / traceGap : 0;
        return times.Select(t => t * scale).ToList();
    }
}
