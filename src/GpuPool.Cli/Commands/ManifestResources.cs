using GpuPool.Operator.Resources;
using GpuPool.Operator.Scheduling;

namespace GpuPool.Cli.Commands;

/// <summary>
/// The GpuJobs and GpuProfiles of manifest files, as `kubectl apply -f` would create them
/// (namespace "default" when a manifest names none); read by the operator's own manifest reader
/// and translated by its own translator.
/// </summary>
public sealed record ManifestResources(IReadOnlyList<GpuJob> Jobs, IReadOnlyDictionary<(string Namespace, string Name), GpuProfile> Profiles)
{
    /// <summary>Where a manifest without metadata.namespace lands, as with kubectl.</summary>
    public const string DefaultNamespace = "default";

    public static ManifestResources Read(IReadOnlyList<string> files)
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

        return new ManifestResources(jobs, profiles);
    }

    /// <summary>The job as the operator translates it, its profileRef resolved among these files' GpuProfiles.</summary>
    public JobTranslation Translate(GpuJob job)
    {
        ArgumentNullException.ThrowIfNull(job);
        return JobTranslator.Translate(job, name => Profiles.GetValueOrDefault((job.Metadata.NamespaceProperty, name)));
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
