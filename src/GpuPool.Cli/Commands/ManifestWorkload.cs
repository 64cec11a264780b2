using GpuPool.Operator.Resources;
using GpuPool.Simulation.Workloads;

namespace GpuPool.Cli.Commands;

/// <summary>
/// The GpuJobs of manifest files (with the GpuProfiles they name, from the same files) as one batch
/// arriving at once: what `kubectl apply -f` of those files submits to the operator, translated by
/// the operator's own translator. A job whose profile is in none of the files waits on the
/// cluster, so it is left out and named; an invalid job is refused naming its field.
/// </summary>
public sealed record ManifestWorkload(IReadOnlyList<JobArrival> Arrivals, IReadOnlyList<string> Waiting)
{
    public static ManifestWorkload Load(IReadOnlyList<string> files)
    {
        ArgumentNullException.ThrowIfNull(files);
        var resources = ManifestResources.Read(files);
        var jobs = resources.Jobs;
        if (jobs.Count == 0)
        {
            throw new UsageException($"--manifests: no {GpuPoolApi.JobKind} in {string.Join(", ", files)}.");
        }

        var arrivals = new List<JobArrival>();
        var waiting = new List<string>();
        foreach (var job in jobs)
        {
            var translation = resources.Translate(job);
            if (translation.ProfileMissing)
            {
                waiting.Add(job.Key);
            }
            else if (translation.Job is null)
            {
                throw new UsageException($"--manifests: GpuJob {job.Key}: {translation.Message}");
            }
            else
            {
                arrivals.Add(new JobArrival(translation.Job, 0));
            }
        }

        if (arrivals.Count == 0)
        {
            throw new UsageException($"--manifests: every GpuJob names a GpuProfile that is in none of the files ({string.Join(", ", waiting)}).");
        }

        return new ManifestWorkload(arrivals, waiting);
    }
}
