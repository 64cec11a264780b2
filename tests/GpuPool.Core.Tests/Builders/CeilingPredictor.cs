using GpuPool.Core.Jobs;
using GpuPool.Core.Prediction;
using GpuPool.Core.Sharing;

namespace GpuPool.Core.Tests.Builders;

/// <summary>
/// Wraps a predictor with valid ceilings: each setting's true NPs plus a slack (0 gives the
/// tightest ceilings there are), one for all settings or one per setting (by position in the
/// list asked for). Records which settings each Predict call asked for.
/// </summary>
internal sealed class CeilingPredictor(IPairPredictor inner, IReadOnlyList<double> slackPerSetting) : IBoundedPairPredictor
{
    private readonly List<IReadOnlyList<SharingSetting>> _asked = [];
    private readonly Lock _gate = new();
    private int _ceilingCalls;

    public CeilingPredictor(IPairPredictor inner, double slack)
        : this(inner, [slack])
    {
    }

    /// <summary>The settings list of every Predict call, in call order.</summary>
    public IReadOnlyList<IReadOnlyList<SharingSetting>> Asked
    {
        get
        {
            lock (_gate)
            {
                return [.. _asked];
            }
        }
    }

    public int CeilingCalls => Volatile.Read(ref _ceilingCalls);

    public IReadOnlyList<PairOutcome> Predict(Job a, Job b, IReadOnlyList<SharingSetting> settings)
    {
        lock (_gate)
        {
            _asked.Add([.. settings]);
        }

        return inner.Predict(a, b, settings);
    }

    public void UpperBounds(Job a, Job b, IReadOnlyList<SharingSetting> settings, Span<NpCeiling> ceilings)
    {
        Interlocked.Increment(ref _ceilingCalls);
        var outcomes = inner.Predict(a, b, settings);
        for (var s = 0; s < outcomes.Count; s++)
        {
            var slack = slackPerSetting[s % slackPerSetting.Count];
            ceilings[s] = new NpCeiling(outcomes[s].NpA + slack, outcomes[s].NpB + slack);
        }
    }
}
