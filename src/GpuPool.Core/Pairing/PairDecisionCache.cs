using System.Collections.Concurrent;
using GpuPool.Core.Caching;
using GpuPool.Core.Jobs;
using GpuPool.Core.Prediction;

namespace GpuPool.Core.Pairing;

/// <summary>
/// Pair decisions (the rule's best admissible outcome, or none) remembered across scheduling
/// windows, keyed by job ids. A job that waits, or that runs with a free partner slot, meets
/// mostly the same partners next window; their decisions are reused instead of predicted again.
/// <see cref="BeginWindow"/> forgets every decision that involves a job that left the window or
/// whose demand changed (kernels by id, which is the kernel's identity; iterations, QoS target or
/// memory), and past its bound every decision. One cache serves one predictor and one rule: a new
/// model or delta needs a new cache. Thread-safe within a window.
/// </summary>
public sealed class PairDecisionCache : IBoundedCache
{
    private readonly ConcurrentDictionary<(string A, string B), PairOutcome?> _decisions = new();
    private readonly Dictionary<string, Job> _jobs = new(StringComparer.Ordinal);
    private readonly int _maxDecisions;
    private long _hits;

    /// <param name="maxDecisions">Decisions kept between windows; unbounded by default (one-off runs).</param>
    public PairDecisionCache(int maxDecisions = int.MaxValue)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxDecisions);
        _maxDecisions = maxDecisions;
    }

    public IReadOnlyList<CacheSize> Sizes => [new("pair_decisions", Count)];

    /// <summary>Decisions remembered now.</summary>
    public int Count => _decisions.Count;

    /// <summary>Decisions answered from memory since the cache was made.</summary>
    public long Hits => Interlocked.Read(ref _hits);

    /// <summary>Starts a window over <paramref name="present"/>: forgets decisions of jobs that left or changed.</summary>
    public void BeginWindow(IEnumerable<Job> present)
    {
        ArgumentNullException.ThrowIfNull(present);
        var current = present.ToDictionary(j => j.Id, StringComparer.Ordinal);
        var stale = _jobs.Where(kv => !current.TryGetValue(kv.Key, out var now) || !SameDemand(kv.Value, now))
            .Select(kv => kv.Key)
            .ToHashSet(StringComparer.Ordinal);
        if (stale.Count > 0)
        {
            foreach (var key in _decisions.Keys.Where(k => stale.Contains(k.A) || stale.Contains(k.B)))
            {
                _decisions.TryRemove(key, out _);
            }
        }

        _jobs.Clear();
        foreach (var (id, job) in current)
        {
            _jobs[id] = job;
        }

        Trim();
    }

    /// <summary>Past the bound, forgets every decision: the window about to run decides its own pairs again.</summary>
    public bool Trim()
    {
        if (_decisions.Count <= _maxDecisions)
        {
            return false;
        }

        _decisions.Clear();
        return true;
    }

    /// <summary>
    /// The remembered decision for (a, b), else the rule's answer, remembered. Orientation matters
    /// (settings are seen from a), and the graph keeps it stable: pending jobs in arrival order, then running.
    /// </summary>
    public PairOutcome? Decide(Job a, Job b, PairingRule rule, IPairPredictor predictor)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        ArgumentNullException.ThrowIfNull(rule);
        if (_decisions.TryGetValue((a.Id, b.Id), out var known))
        {
            Interlocked.Increment(ref _hits);
            return known;
        }

        var decided = rule.Best(a, b, predictor);
        _decisions[(a.Id, b.Id)] = decided;
        return decided;
    }

    private static bool SameDemand(Job before, Job now) =>
        ReferenceEquals(before, now)
        || (before.Iterations == now.Iterations
            && before.QosTarget.Equals(now.QosTarget)
            && before.GpuMemoryMiB == now.GpuMemoryMiB
            && before.Kernels.Select(k => k.Id).SequenceEqual(now.Kernels.Select(k => k.Id), StringComparer.Ordinal));
}
