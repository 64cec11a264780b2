using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using GpuPool.Core.Jobs;
using GpuPool.Core.Sharing;

namespace GpuPool.Core.Prediction;

/// <summary>
/// Memoises another predictor by job profile: jobs with the same kernel sequence (kernel ids, in
/// order) and the same iteration count get the same NPs with any partner, whatever their ids, QoS
/// targets or memory. A window of thousands of jobs drawn from a few dozen applications then asks
/// the inner predictor once per distinct profile pair and setting list. Thread-safe.
/// </summary>
public sealed class CachingPairPredictor : IPairPredictor
{
    private readonly IPairPredictor _inner;
    private readonly Dictionary<string, int> _profileIds = new(StringComparer.Ordinal);
    private readonly Lock _profileGate = new();
    private readonly ConditionalWeakTable<Job, StrongBox<int>> _profileOfJob = [];
    private readonly ConcurrentDictionary<(int A, int B), (IReadOnlyList<SharingSetting> Settings, IReadOnlyList<PairOutcome> Outcomes)> _outcomes = new();

    public CachingPairPredictor(IPairPredictor inner)
    {
        ArgumentNullException.ThrowIfNull(inner);
        _inner = inner;
    }

    /// <summary>Distinct job profiles seen so far.</summary>
    public int Profiles
    {
        get
        {
            lock (_profileGate)
            {
                return _profileIds.Count;
            }
        }
    }

    /// <summary>Distinct profile pairs the inner predictor has answered.</summary>
    public int CachedPairs => _outcomes.Count;

    public IReadOnlyList<PairOutcome> Predict(Job a, Job b, IReadOnlyList<SharingSetting> settings)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        ArgumentNullException.ThrowIfNull(settings);
        var key = (ProfileOf(a), ProfileOf(b));
        if (_outcomes.TryGetValue(key, out var cached)
            && (ReferenceEquals(cached.Settings, settings) || cached.Settings.SequenceEqual(settings)))
        {
            return cached.Outcomes;
        }

        // The inner predictor is deterministic, so two threads racing here store equal answers.
        var outcomes = _inner.Predict(a, b, settings);
        _outcomes[key] = (settings, outcomes);
        return outcomes;
    }

    private int ProfileOf(Job job)
    {
        // Keyed by reference: a job record that is replaced (same id, new kernels) is a new profile lookup.
        if (_profileOfJob.TryGetValue(job, out var known))
        {
            return known.Value;
        }

        var signature = string.Join('|', job.Kernels.Select(k => k.Id)) + "#" + job.Iterations.ToString(System.Globalization.CultureInfo.InvariantCulture);
        lock (_profileGate)
        {
            if (!_profileIds.TryGetValue(signature, out var id))
            {
                id = _profileIds.Count;
                _profileIds.Add(signature, id);
            }

            _profileOfJob.AddOrUpdate(job, new StrongBox<int>(id));
            return id;
        }
    }
}
