namespace GpuPool.Core.Kernels;

/// <summary>
/// One kernel as profiled alone on a full GPU: its launch geometry, its isolated duration, and
/// its performance counters as named numbers (names in <see cref="CounterNames"/>; data sets may
/// add their own). Optionally the counters measured alone under a thread-block quota per SM,
/// keyed by quota, which the predictor prefers where present. The id is the kernel's identity:
/// every prediction cache keys by it, so two profiles with one id must hold the same numbers. A
/// data set's names are unique; a host that reads kernels from users (whose ids are unique only
/// within one list) derives the id from the content.
/// </summary>
public sealed record KernelProfile
{
    public KernelProfile(
        string id,
        LaunchGeometry geometry,
        double isolatedSeconds,
        IReadOnlyDictionary<string, double> counters,
        IReadOnlyDictionary<int, IReadOnlyDictionary<string, double>>? quotaCounters = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(id);
        ArgumentNullException.ThrowIfNull(geometry);
        ArgumentNullException.ThrowIfNull(counters);
        if (!(isolatedSeconds > 0) || double.IsInfinity(isolatedSeconds))
        {
            throw new ArgumentOutOfRangeException(nameof(isolatedSeconds), isolatedSeconds, $"Kernel '{id}': isolatedSeconds must be a positive finite number.");
        }

        foreach (var (name, value) in counters)
        {
            if (!double.IsFinite(value))
            {
                throw new ArgumentException($"Kernel '{id}': counter '{name}' is {value}; counters must be finite.", nameof(counters));
            }
        }

        Id = id;
        Geometry = geometry;
        IsolatedSeconds = isolatedSeconds;
        Counters = counters;
        QuotaCounters = quotaCounters ?? new Dictionary<int, IReadOnlyDictionary<string, double>>();
    }

    public string Id { get; }

    public LaunchGeometry Geometry { get; }

    public double IsolatedSeconds { get; }

    public IReadOnlyDictionary<string, double> Counters { get; }

    public IReadOnlyDictionary<int, IReadOnlyDictionary<string, double>> QuotaCounters { get; }

    /// <summary>A counter's value, or 0 when the profile lacks it (profilers differ in what they report).</summary>
    public double Counter(string name) => Counters.TryGetValue(name, out var value) ? value : 0.0;

    public bool Equals(KernelProfile? other) => other is not null && Id == other.Id;

    public override int GetHashCode() => Id.GetHashCode(StringComparison.Ordinal);
}
