using System.Collections.Concurrent;
using GpuPool.Core.Caching;
using GpuPool.Core.Jobs;
using GpuPool.Core.Sharing;

namespace GpuPool.Core.Prediction;

/// <summary>
/// Memoises another predictor by job profile: jobs with the same kernel sequence (kernel ids, in
/// order) and the same iteration count get the same NPs with any partner, whatever their ids, QoS
/// targets or memory. A window of thousands of jobs drawn from a few dozen applications then asks
/// the inner predictor once per distinct profile pair and setting. Outcomes are kept per setting,
/// so a pair first asked for some settings (after screening) and later for others asks the inner
/// predictor only for the new ones; a known outcome is its own (tightest) ceiling. A pair of
/// profiles each seen with one job only is not stored: no other pair can ask for it again (a
/// window of all-distinct jobs would otherwise fill memory with answers nobody reads), and once a
/// second job shares a profile its pairs are stored from then on. A profile is known by its
/// kernels' ids, so a host whose kernels come from users gives each kernel an id that changes with
/// its content (the operator does). Between windows (<see cref="Trim"/>) a pair not asked for in
/// the last <c>idleWindows</c> windows is forgotten: under churn most pairs name a job that has
/// finished and will never be asked for again, and without this the cache would grow to its bound
/// with them. Past its bound the cache starts afresh. Thread-safe.
/// </summary>
public sealed class CachingPairPredictor : IBoundedPairPredictor, IBoundedCache
{
    private readonly IPairPredictor _inner;
    private readonly int _maxProfilePairs;
    private readonly int _idleWindows;
    private volatile Memo _memo = new();
    private int _window;

    /// <param name="inner">The predictor whose answers are kept.</param>
    /// <param name="maxProfilePairs">Profile pairs (or profiles) kept between windows; unbounded by default (one-off runs).</param>
    /// <param name="idleWindows">Windows a pair is kept without being asked for; kept for ever by default (one-off runs).</param>
    public CachingPairPredictor(IPairPredictor inner, int maxProfilePairs = int.MaxValue, int idleWindows = int.MaxValue)
    {
        ArgumentNullException.ThrowIfNull(inner);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxProfilePairs);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(idleWindows);
        _inner = inner;
        _maxProfilePairs = maxProfilePairs;
        _idleWindows = idleWindows;
    }

    public IReadOnlyList<CacheSize> Sizes
    {
        get
        {
            var memo = _memo;
            return [new("job_profiles", memo.Profiles.Count), new("profile_pairs", memo.Pairs.Count)];
        }
    }

    /// <summary>
    /// Runs between windows (no prediction meanwhile). Forgets the pairs left idle for
    /// <c>idleWindows</c> windows; then, past the bound, every profile and pair at once (profile
    /// numbers and pairs are only meaningful together, and the next window stores again only the
    /// pairs it asks for). True when it started afresh.
    /// </summary>
    public bool Trim()
    {
        var memo = _memo;
        _window++;
        if (_idleWindows != int.MaxValue)
        {
            var oldest = _window - _idleWindows;
            foreach (var (key, entry) in memo.Pairs)
            {
                if (entry.LastAskedWindow < oldest)
                {
                    memo.Pairs.TryRemove(key, out _);
                }
            }
        }

        if (memo.Pairs.Count <= _maxProfilePairs && memo.Profiles.Count <= _maxProfilePairs)
        {
            return false;
        }

        _memo = new Memo();
        return true;
    }

    public IReadOnlyList<PairOutcome> Predict(Job a, Job b, IReadOnlyList<SharingSetting> settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return EntryFor(a, b) is { } entry ? Answer(entry, a, b, settings) : _inner.Predict(a, b, settings);
    }

    /// <summary>One setting: the known outcome, else the inner predictor's (kept when the pair's entry is).</summary>
    public PairNp Predict(Job a, Job b, SharingSetting setting)
    {
        ArgumentNullException.ThrowIfNull(setting);
        if (EntryFor(a, b) is { } entry)
        {
            return PairNp.Of(Find(entry.Outcomes, setting) ?? Answer(entry, a, b, [setting])[0]);
        }

        return _inner is IBoundedPairPredictor bounded ? bounded.Predict(a, b, setting) : PairNp.Of(_inner.Predict(a, b, [setting])[0]);
    }

    /// <summary>
    /// Known outcomes (the tightest ceilings there are), else the inner predictor's ceilings,
    /// memoised per settings list; no ceiling (infinity) when the inner predictor has none.
    /// </summary>
    public void UpperBounds(Job a, Job b, IReadOnlyList<SharingSetting> settings, Span<NpCeiling> ceilings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        if (_inner is not IBoundedPairPredictor bounded)
        {
            ceilings[..settings.Count].Fill(NpCeiling.None);
            return;
        }

        if (EntryFor(a, b) is not { } entry)
        {
            bounded.UpperBounds(a, b, settings, ceilings);
            return;
        }

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

    /// <summary>The pair's entry, or null when neither profile is shared (nothing worth storing).</summary>
    private ProfilePairEntry? EntryFor(Job a, Job b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        var memo = _memo;
        var (profileA, profileB) = (memo.Profiles.Of(a), memo.Profiles.Of(b));
        if (!profileA.IsShared && !profileB.IsShared)
        {
            return null;
        }

        var entry = memo.Pairs.GetOrAdd((profileA.Id, profileB.Id), static _ => new ProfilePairEntry());
        entry.LastAskedWindow = _window;
        return entry;
    }

    /// <summary>The entry's outcomes for <paramref name="settings"/>, asking the inner predictor for those not known yet.</summary>
    private PairOutcome[] Answer(ProfilePairEntry entry, Job a, Job b, IReadOnlyList<SharingSetting> settings)
    {
        var known = entry.Outcomes;
        if (Pick(known, settings) is { } cached)
        {
            return cached;
        }

        // The inner predictor is deterministic, so two threads racing here store equal answers.
        var merged = Merge(known, _inner.Predict(a, b, Missing(known, settings)));
        entry.Outcomes = merged;
        return Pick(merged, settings)!;
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

    /// <summary>Profile numbers and the pairs keyed by them, replaced together.</summary>
    private sealed class Memo
    {
        public JobProfiles Profiles { get; } = new();

        public ConcurrentDictionary<(int A, int B), ProfilePairEntry> Pairs { get; } = new();
    }
}
