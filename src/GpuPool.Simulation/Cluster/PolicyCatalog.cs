using GpuPool.Core.Policies;
using GpuPool.Core.Prediction;

namespace GpuPool.Simulation.Cluster;

/// <summary>
/// Every policy the simulator compares, built around a predictor. This is the seam for the
/// trained model: pass it as <c>trained</c>; without one, the GpuPool policies run on ground truth
/// and their labels say so.
/// </summary>
public static class PolicyCatalog
{
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
            new(PolicyNames.Oracle, MatchingPolicy.Oracle(groundTruth, PairingRule.DefaultSettings)),
        ];
    }

    /// <summary>The policies whose name (before any label suffix) is one of <paramref name="names"/>, case-insensitive.</summary>
    public static IReadOnlyList<NamedPolicy> Select(IReadOnlyList<NamedPolicy> all, IReadOnlyCollection<string> names)
    {
        ArgumentNullException.ThrowIfNull(all);
        ArgumentNullException.ThrowIfNull(names);
        var unknown = names.Where(n => all.All(p => !string.Equals(p.Policy.Name, n, StringComparison.OrdinalIgnoreCase))).ToList();
        if (unknown.Count > 0)
        {
            throw new ArgumentException($"Unknown policy '{unknown[0]}'; known: {string.Join(", ", all.Select(p => p.Policy.Name))}.", nameof(names));
        }

        return all.Where(p => names.Any(n => string.Equals(p.Policy.Name, n, StringComparison.OrdinalIgnoreCase))).ToList();
    }
}
