using GpuPool.Operator.Resources;
using GpuPool.Operator.Scheduling;
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
    /// <summary>Where a manifest without metadata.namespace lands, as with kubectl.</summary>
    public const string DefaultNamespace = "default";

    public static ManifestWorkload Load(IReadOnlyList<string> files)
    {
        ArgumentNullException.ThrowIfNull(files);
        var jobs = new List<GpuJob>();
        var profiles = new Dictionary<(string, string), GpuProfile>();
        foreach (var file in files)
        {
            if (!File.Exists(file))
            {
                throw new UsageException($"--manifests: file '{file}' does not exist.");
            }

            try
            {
                jobs.AddRange(Read<GpuJob>(file, GpuPoolApi.JobKind, j => j.Metadata));
                foreach (var profile in Read<GpuProfile>(file, GpuPoolApi.ProfileKind, p => p.Metadata))
                {
                    profiles[(profile.Metadata.NamespaceProperty, profile.Metadata.Name)] = profile;
                }
            }
            catch (InvalidDataException e)
            {
                throw new UsageException($"--manifests: {e.Message}", e);
            }
        }

        var duplicate = jobs.GroupBy(j => j.Key, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new UsageException($"--manifests: GpuJob {duplicate.Key} is defined {duplicate.Count()} times.");
        }

        if (jobs.Count == 0)
        {
            throw new UsageException($"--manifests: no {GpuPoolApi.JobKind} in {string.Join(", ", files)}.");
        }

        var arrivals = new List<JobArrival>();
        var waiting = new List<string>();
        foreach (var job in jobs)
        {
            var translation = JobTranslator.Translate(job, name => profiles.GetValueOrDefault((job.Metadata.NamespaceProperty, name)));
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

    private static IEnumerable<T> Read<T>(string file, string kind, Func<T, k8s.Models.V1ObjectMeta> metadata)
    {
        using var reader = new StreamReader(file);
        var items = Manifests.Read<T>(reader, kind, file);
        foreach (var item in items)
        {
            var meta = metadata(item);
            if (string.IsNullOrWhiteSpace(meta.Name))
            {
                throw new InvalidDataException($"{file}: a {kind} has no metadata.name.");
            }

            meta.NamespaceProperty = string.IsNullOrEmpty(meta.NamespaceProperty) ? DefaultNamespace : meta.NamespaceProperty;
        }

        return items;
    }
}
