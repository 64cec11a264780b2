using System.Collections.Concurrent;
using GpuPool.Core.Caching;
using GpuPool.Operator.Resources;
using GpuPool.Operator.Watching;

namespace GpuPool.Operator.Scheduling;

/// <summary>
/// Each GpuJob translated once per version of what it is read from: the job's spec (its
/// generation; the resourceVersion where the server keeps none) and, for a profileRef, the
/// GpuProfile's uid and resourceVersion. A window reads a job up to three times (snapshot, a
/// running partner, the pod's status); all get the same Core job, which is what the predictors'
/// per-job memos are keyed by. A status write changes neither version, so a job keeps its Core
/// job from pending to finished. Bounded by the jobs in the watch cache: <see cref="Trim"/> drops
/// the rest. Thread-safe.
/// </summary>
public sealed class JobTranslations(ClusterCache cache) : IBoundedCache
{
    private readonly ConcurrentDictionary<string, (string Version, JobTranslation Translation)> _byJob = new(StringComparer.Ordinal);

    public IReadOnlyList<CacheSize> Sizes => [new("job_translations", _byJob.Count)];

    public JobTranslation Translate(GpuJob job)
    {
        ArgumentNullException.ThrowIfNull(job);
        var profile = string.IsNullOrEmpty(job.Spec.ProfileRef) ? null : cache.Profiles.Get(job.Metadata.NamespaceProperty + "/" + job.Spec.ProfileRef);
        var version = string.Join(
            '/',
            job.Metadata.Uid,
            job.Metadata.Generation?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? job.Metadata.ResourceVersion,
            profile?.Metadata.Uid,
            profile?.Metadata.ResourceVersion);
        if (_byJob.TryGetValue(job.Key, out var known) && known.Version == version)
        {
            // The same Core job; the resource is the caller's (its status may be newer).
            return ReferenceEquals(known.Translation.Resource, job) ? known.Translation : known.Translation with { Resource = job };
        }

        var translation = JobTranslator.Translate(job, name => name == job.Spec.ProfileRef ? profile : null);
        _byJob[job.Key] = (version, translation);
        return translation;
    }

    /// <summary>Forgets jobs the watch cache no longer holds.</summary>
    public bool Trim()
    {
        var dropped = false;
        foreach (var key in _byJob.Keys)
        {
            if (cache.Jobs.Get(key) is null)
            {
                dropped |= _byJob.TryRemove(key, out _);
            }
        }

        return dropped;
    }
}
