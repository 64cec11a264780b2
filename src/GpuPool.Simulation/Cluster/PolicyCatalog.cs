using GpuPool.Core.Policies;
using GpuPool.Core.Prediction;
using GpuPool.Core.Sharing;

namespace GpuPool.Simulation.Cluster;

/// <summary>
/// Every policy the simulator compares, built around a predictor. This is the seam for the
/// trained model: pass it as <c>trained</c>; without one, the GpuPool policies run on ground truth
/// and their labels say so. The Oracle is not among them: it is a bound, computed beside them.
/// </summary>
public static class PolicyCatalog
{
    /// <summary>Every setting a policy here can start a pair with: the pairing grid and Coarse's halves.</summary>
    public static IReadOnlyList<SharingSetting> PairSettings { get; } = [.. PairingRule.DefaultSettings, SharingSetting.Partition(0.5)];

    public static IReadOnlyList<NamedPolicy> All(IPairPredictor groundTruth, IPairPredictor? trained, double delta)
    {
        ArgumentNullException.ThrowIfNull(groundTruth);
        var predictor = trained ?? groundTruth;
        var suffix = trained is null ? " (ground-truth NP)" : string.Empty;
        var rule = new PairingRule(delta, PairingRule.DefaultSettings);
        return
        [
            new(PolicyNames.NoSharing, new NoSharingPolicy()),
            new(PolicyNames.Coarse, new CoarsePolicy()),
            new(PolicyNames.Heuristic, new HeuristicPolicy()),
            new(PolicyNames.GpuPool + suffix, MatchingPolicy.GpuPool(predictor, rule)),
            new(PolicyNames.GpuPoolWeighted + suffix, MatchingPolicy.GpuPoolWeighted(predictor, rule)),
            new(PolicyNames.TrueNpMatching, MatchingPolicy.TrueNpMatching(groundTruth, PairingRule.DefaultSettings)),
        ];
    }

    /// <summary>
    /// The policies whose name (before any label suffix) is one of <paramref name="names"/>,
    /// case-insensitive. <see cref="PolicyNames.Oracle"/> is known too (it selects the bound, no policy).
    /// </summary>
    public static IReadOnlyList<NamedPolicy> Select(IReadOnlyList<NamedPolicy> all, IReadOnlyCollection<string> names)
    {
        ArgumentNullException.ThrowIfNull(all);
        ArgumentNullException.ThrowIfNull(names);
        var known = all.Select(p => p.Policy.Name).Append(PolicyNames.Oracle).ToList();
        var unknown = names.Where(n => !known.Contains(n, StringComparer.OrdinalIgnoreCase)).ToList();
        if (unknown.Count > 0)
        {
            throw new ArgumentException($"Unknown policy '{unknown[0]}'; known: {string.Join(", ", known)}.", nameof(names));
        }

        return all.Where(p => names.Contains(p.Policy.Name, StringComparer.OrdinalIgnoreCase)).ToList();
    }

    /// <summary>True when the bound is asked for: no names (everything) or the Oracle's among them.</summary>
    public static bool WantsBound(IReadOnlyCollection<string> names)
    {
        ArgumentNullException.ThrowIfNull(names);
        return names.Count == 0 || names.Contains(PolicyNames.Oracle, StringComparer.OrdinalIgnoreCase);
    }
}
