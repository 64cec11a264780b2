using GpuPool.Core.Jobs;
using GpuPool.Core.Prediction;
using GpuPool.Core.Sharing;

namespace GpuPool.Simulation.Timeline;

/// <summary>
/// The simulated GPU's truth behind Core's predictor interface: each setting's NPs come from the
/// full pair timeline. TrueNpMatching and every "real NP" use it. Outcomes are memoised per
/// (job, job, setting): a window asks for the same pairs again and again.
/// </summary>
public sealed class GroundTruthPairPredictor : IPairPredictor
{
    private readonly PairTimeline _timeline;
    private readonly Dictionary<(string, string, SharingSetting), PairOutcome> _memo = [];
    private readonly Lock _gate = new();

    /// <param name="exactIterations">Shared-phase iterations simulated exactly before extrapolating; null = all.</param>
    public GroundTruthPairPredictor(SettingRates rates, int? exactIterations = DefaultExactIterations) => _timeline = new PairTimeline(rates, exactIterations);

    /// <summary>Enough for an NP error far below the co-run model's own (see docs/simulation.md).</summary>
    public const int DefaultExactIterations = 20;

    public IReadOnlyList<PairOutcome> Predict(Job a, Job b, IReadOnlyList<SharingSetting> settings)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        ArgumentNullException.ThrowIfNull(settings);
        return settings.Select(s => Outcome(a, b, s)).ToList();
    }

    private PairOutcome Outcome(Job a, Job b, SharingSetting setting)
    {
        lock (_gate)
        {
            if (_memo.TryGetValue((a.Id, b.Id, setting), out var known))
            {
                return known;
            }

            if (_memo.TryGetValue((b.Id, a.Id, setting.Swapped), out var mirrored))
            {
                return new PairOutcome(setting, mirrored.NpB, mirrored.NpA);
            }
        }

        var result = _timeline.Run(a, b, setting);
        var outcome = new PairOutcome(setting, result.NpA, result.NpB);
        lock (_gate)
        {
            _memo[(a.Id, b.Id, setting)] = outcome;
        }

        return outcome;
    }
}
