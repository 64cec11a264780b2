using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using GpuPool.Core.Jobs;
using GpuPool.Core.Sharing;

namespace GpuPool.Core.Prediction;

/// <summary>
/// Memoises another predictor by job profile: jobs with the same kernel sequence (kernel ids, in
/// order) and the same iteration count get the same NPs with any partner, whatever their ids, QoS
/// targets or memory. A window of thousands of jobs drawn from a few dozen applications then asks
/// the inner predictor once per distinct profile pair and setting. Outcomes and ceilings are kept
/// per setting, so a pair first asked for some settings (after screening) and later for others
/// asks the inner predictor only for the new ones; a known outcome is its own (tightest) ceiling.
/// Thread-safe.
/// </summary>
public sealed class CachingPairPredictor : IBoundedPairPredictor
{
    private readonly IPairPredictor _inner;
    private readonly Dictionary<string, int> _profileIds = new(StringComparer.Ordinal);
    private readonly Lock _profileGate = new();
    private readonly ConditionalWeakTable<Job, StrongBox<int>> _profileOfJob = [];
    private readonly ConcurrentDictionary<(int A, int B), ProfilePairEntry> _pairs = new();
    private int _predictedPairs;

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
    public int CachedPairs => Volatile.Read(ref _predictedPairs);

    public IReadOnlyList<PairOutcome> Predict(Job a, Job b, IReadOnlyList<SharingSetting> settings)
    {
        var entry = EntryFor(a, b, settings);
        var known = entry.Outcomes;
        if (Pick(known, settings) is { } cached)
        {
            return cached;
        }

        // The inner predictor is deterministic, so two threads racing here store equal answers.
        if (known.Length == 0)
        {
            Interlocked.Increment(ref _predictedPairs);
        }

        var merged = Merge(known, _inner.Predict(a, b, Missing(known, settings)));
        entry.Outcomes = merged;
        return Pick(merged, settings)!;
    }

    /// <summary>
    /// Known outcomes (the tightest ceilings there are), else the inner predictor's ceilings,
    /// memoised per settings list; no ceiling (infinity) when the inner predictor has none.
    /// </summary>
    public void UpperBounds(Job a, Job b, IReadOnlyList<SharingSetting> settings, Span<NpCeiling> ceilings)
    {
        if (_inner is not IBoundedPairPredictor bounded)
        {
            ArgumentNullException.ThrowIfNull(settings);
            ceilings[..settings.Count].Fill(NpCeiling.None);
            return;
        }

        var entry = EntryFor(a, b, settings);
        if (Pick(entry.Outcomes, settings) is { } known)
        {
            for (var s = 0; s < known.Length; s++)
            {
                ceilings[s] = new NpCeiling(known[s].NpA, known[s].NpB);
            }

            return;
        }

        if (entry.CeilingsFor(settings) is not { } cached)
        {
            cached = new NpCeiling[settings.Count];
            bounded.UpperBounds(a, b, settings, cached);
            entry.RememberCeilings(settings, cached);
        }

        cached.CopyTo(ceilings);
    }

    private ProfilePairEntry EntryFor(Job a, Job b, IReadOnlyList<SharingSetting> settings)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        ArgumentNullException.ThrowIfNull(settings);
        return _pairs.GetOrAdd((ProfileOf(a), ProfileOf(b)), static _ => new ProfilePairEntry());
    }

    private static IReadOnlyList<SharingSetting> Missing(PairOutcome[] known, IReadOnlyList<SharingSetting> settings)
    {
        if (known.Length == 0)
        {
            return settings;
        }

        var missing = new List<SharingSetting>(settings.Count);
        for (var s = 0; s < settings.Count; s++)
        {
            if (Find(known, settings[s]) is null)
            {
                missing.Add(settings[s]);
            }
        }

        return [.. missing];
    }

    private static PairOutcome[] Merge(PairOutcome[] known, IReadOnlyList<PairOutcome> added) =>
        known.Length == 0 && added is PairOutcome[] array ? array : [.. known, .. added];

    /// <summary>The outcomes of <paramref name="settings"/> in their order, or null if one is not known.</summary>
    private static PairOutcome[]? Pick(PairOutcome[] known, IReadOnlyList<SharingSetting> settings)
    {
        if (InOrder(known, settings))
        {
            return known;
        }

        var picked = new PairOutcome[settings.Count];
        for (var s = 0; s < settings.Count; s++)
        {
            if (Find(known, settings[s]) is not { } outcome)
            {
                return null;
            }

            picked[s] = outcome;
        }

        return picked;
    }

    /// <summary>True when <paramref name="known"/> holds exactly these settings in this order (the common case).</summary>
    private static bool InOrder(PairOutcome[] known, IReadOnlyList<SharingSetting> settings)
    {
        if (known.Length != settings.Count)
        {
            return false;
        }

        for (var s = 0; s < known.Length; s++)
        {
            if (!ReferenceEquals(known[s].Setting, settings[s]))
            {
                return false;
            }
        }

        return true;
    }

    private static PairOutcome? Find(PairOutcome[] known, SharingSetting setting)
    {
        foreach (var outcome in known)
        {
            if (ReferenceEquals(outcome.Setting, setting) || outcome.Setting.Equals(setting))
            {
                return outcome;
            }
        }

        return null;
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
