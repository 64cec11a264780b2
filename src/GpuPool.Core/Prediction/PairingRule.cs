using GpuPool.Core.Jobs;
using GpuPool.Core.Sharing;

namespace GpuPool.Core.Prediction;

/// <summary>
/// The paper's edge rule with its safety margin: two jobs may share when, under some setting, the
/// predicted NP of each exceeds its QoS target times (1 + delta). Among such settings the one with
/// the highest predicted pair STP wins.
/// </summary>
public sealed class PairingRule
{
    public PairingRule(double delta, IReadOnlyList<SharingSetting> settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        if (!(delta >= 0 && delta < 1))
        {
            throw new ArgumentOutOfRangeException(nameof(delta), delta, "delta must be in [0, 1).");
        }

        if (settings.Count == 0 || settings.Any(s => s.IsExclusive))
        {
            throw new ArgumentException("settings must list at least one shared setting and no exclusive one.", nameof(settings));
        }

        Delta = delta;
        Settings = settings;
    }

    /// <summary>Fine-grained splits 1/4, 1/2 and 3/4: the quota grid searched per pair by default.</summary>
    public static IReadOnlyList<SharingSetting> DefaultSettings { get; } =
        [SharingSetting.Split(0.25), SharingSetting.Even, SharingSetting.Split(0.75)];

    public double Delta { get; }

    public IReadOnlyList<SharingSetting> Settings { get; }

    /// <summary>True when <paramref name="np"/> clears <paramref name="qosTarget"/> with the margin.</summary>
    public bool Clears(double np, double qosTarget) => np > qosTarget * (1 + Delta);

    /// <summary>The best admissible outcome for the pair, or null when no setting keeps both safe.</summary>
    public PairOutcome? Best(Job a, Job b, IPairPredictor predictor)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        ArgumentNullException.ThrowIfNull(predictor);
        return Best(a, b, predictor.Predict(a, b, Settings));
    }

    /// <summary>The best admissible outcome among <paramref name="outcomes"/>, or null.</summary>
    public PairOutcome? Best(Job a, Job b, IReadOnlyList<PairOutcome> outcomes)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        ArgumentNullException.ThrowIfNull(outcomes);
        PairOutcome? best = null;

        // Indexed, not foreach: this runs once per candidate pair, and an interface enumerator allocates.
        for (var i = 0; i < outcomes.Count; i++)
        {
            var outcome = outcomes[i];
            if (Clears(outcome.NpA, a.QosTarget) && Clears(outcome.NpB, b.QosTarget) && (best is null || outcome.Stp > best.Stp))
            {
                best = outcome;
            }
        }

        return best;
    }
}
