using System.Globalization;
using System.Runtime.CompilerServices;
using GpuPool.Core.Jobs;

namespace GpuPool.Core.Prediction;

/// <summary>
/// Numbers job profiles (kernel ids in order, and the iteration count; a kernel's id is its identity) and counts the jobs seen
/// with each. Jobs are recognised by reference: a job record that is replaced (same id, new
/// object) is looked up again and counts again. Thread-safe.
/// </summary>
internal sealed class JobProfiles
{
    private readonly Dictionary<string, JobProfile> _bySignature = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();
    private readonly ConditionalWeakTable<Job, JobProfile> _ofJob = [];

    /// <summary>Distinct profiles numbered so far.</summary>
    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _bySignature.Count;
            }
        }
    }

    public JobProfile Of(Job job)
    {
        if (_ofJob.TryGetValue(job, out var known))
        {
            return known;
        }

        var signature = string.Join('|', job.Kernels.Select(k => k.Id)) + "#" + job.Iterations.ToString(CultureInfo.InvariantCulture);
        lock (_gate)
        {
            if (_ofJob.TryGetValue(job, out known))
            {
                return known;
            }

            if (!_bySignature.TryGetValue(signature, out var profile))
            {
                profile = new JobProfile(_bySignature.Count);
                _bySignature.Add(signature, profile);
            }

            profile.AddJob();
            _ofJob.Add(job, profile);
            return profile;
        }
    }
}
