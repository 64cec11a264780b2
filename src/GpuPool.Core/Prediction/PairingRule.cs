using GpuPool.Core.Jobs;
using GpuPool.Core.Placement;
using GpuPool.Core.Sharing;

namespace GpuPool.Core.Prediction;

/// <summary>
/// The paper's edge rule with its safety margin: two jobs may share when, under some setting, the
/// predicted NP of each exceeds its QoS target times (1 + delta). Among such settings the one with
/// the highest predicted pair STP wins.
/// </summary>
public sealed class PairingRule
{
    // Settings lists up to this long are screened by ceilings (one bit of an int per setting).
    private const int MaxScreenedSettings = 32;

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

    /// <summary>True when both jobs clear their floors: an admissible outcome, or ceilings that still could be.</summary>
    public bool ClearsBoth(Job a, Job b, double npA, double npB) => Clears(npA, a.QosTarget) && Clears(npB, b.QosTarget);

    /// <summary>
    /// The best admissible outcome for the pair, or null when no setting keeps both safe. A
    /// predictor with ceilings is asked only for the settings whose ceilings clear both floors and
    /// could still beat the best found so far: the others could never win, so the answer is the same.
    /// </summary>
    public PairOutcome? Best(Job a, Job b, IPairPredictor predictor)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        ArgumentNullException.ThrowIfNull(predictor);
        if (predictor is not IBoundedPairPredictor bounded || Settings.Count > MaxScreenedSettings)
        {
            return Best(a, b, predictor.Predict(a, b, Settings));
        }

        Span<NpCeiling> ceilings = stackalloc NpCeiling[Settings.Count];
        bounded.UpperBounds(a, b, Settings, ceilings);
        var open = 0;
        for (var s = 0; s < ceilings.Length; s++)
        {
            open |= ClearsBoth(a, b, ceilings[s].NpA, ceilings[s].NpB) ? 1 << s : 0;
        }

        return open == 0 ? null : BranchAndBound(a, b, bounded, ceilings, open);
    }

    /// <summary>
    /// Rematch: the outcome of <paramref name="newcomer"/> joining <paramref name="running"/>, which
    /// has run for a while under a share it keeps, or null when either would miss its floor. The
    /// pair is predicted over the running job's remaining work only, under the one setting its share
    /// leaves; the running job's NP is then its whole-life NP (work done so far included), because
    /// that is what its QoS is judged on. The outcome is seen from the newcomer.
    /// </summary>
    public PairOutcome? BestBeside(Job newcomer, Job running, Resident resident, IPairPredictor predictor)
    {
        ArgumentNullException.ThrowIfNull(newcomer);
        ArgumentNullException.ThrowIfNull(running);
        ArgumentNullException.ThrowIfNull(resident);
        ArgumentNullException.ThrowIfNull(predictor);
        if (!resident.HasRoom)
        {
            return null;
        }

        var setting = resident.NewcomerSetting;
        var rest = predictor.Predict(newcomer, resident.RemainingOf(running), [setting])[0];
        var runningNp = resident.FinalNp(running, rest.NpB);
        return ClearsBoth(newcomer, running, rest.NpA, runningNp) ? new PairOutcome(setting, rest.NpA, runningNp) : null;
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
            if (ClearsBoth(a, b, outcome.NpA, outcome.NpB) && (best is null || outcome.Stp > best.Stp))
            {
                best = outcome;
            }
        }

        return best;
    }

    /// <summary>
    /// Predicts the open settings one at a time, highest STP ceiling first, and stops once the best
    /// admissible outcome so far beats every ceiling left: no setting after it could win. Ties go
    /// to the earlier setting in <see cref="Settings"/>, as in the plain scan, so the answer is the same.
    /// </summary>
    private PairOutcome? BranchAndBound(Job a, Job b, IBoundedPairPredictor predictor, ReadOnlySpan<NpCeiling> ceilings, int open)
    {
        var (best, bestIndex) = (default(PairNp), -1);
        while (open != 0)
        {
            var next = HighestCeiling(ceilings, open);
            open &= ~(1 << next);
            var ceiling = ceilings[next].NpA + ceilings[next].NpB;
            if (bestIndex >= 0 && (ceiling < best.Stp || (ceiling == best.Stp && next > bestIndex)))
            {
                continue;
            }

            var np = predictor.Predict(a, b, Settings[next]);
            if (ClearsBoth(a, b, np.NpA, np.NpB)
                && (bestIndex < 0 || np.Stp > best.Stp || (np.Stp == best.Stp && next < bestIndex)))
            {
                (best, bestIndex) = (np, next);
            }
        }

        // Only the winner becomes an outcome: the settings tried and beaten allocate nothing.
        return bestIndex < 0 ? null : new PairOutcome(Settings[bestIndex], best.NpA, best.NpB);
    }

    private static int HighestCeiling(ReadOnlySpan<NpCeiling> ceilings, int open)
    {
        var pick = -1;
        for (var s = 0; s < ceilings.Length; s++)
        {
            if ((open & (1 << s)) != 0 && (pick < 0 || ceilings[s].NpA + ceilings[s].NpB > ceilings[pick].NpA + ceilings[pick].NpB))
            {
                pick = s;
            }
        }

        return pick;
    }
}
