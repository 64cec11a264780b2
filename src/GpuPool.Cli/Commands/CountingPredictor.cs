using GpuPool.Core.Jobs;
using GpuPool.Core.Prediction;
using GpuPool.Core.Sharing;

namespace GpuPool.Cli.Commands;

/// <summary>
/// Counts what a window asks of its predictor (for `bench window --count`, on a run that is not
/// timed): pairs screened by ceilings, pairs with at least one setting whose ceilings clear both
/// floors of <paramref name="rule"/>, and fine-grained settings asked for (each a steady-state timeline, unless a cache
/// behind this answers it).
/// </summary>
internal sealed class CountingPredictor(IPairPredictor inner, PairingRule rule) : IBoundedPairPredictor
{
    private long _screened;
    private long _open;
    private long _predicted;

    public long Screened => Interlocked.Read(ref _screened);

    public long Open => Interlocked.Read(ref _open);

    public long Predicted => Interlocked.Read(ref _predicted);

    public IReadOnlyList<PairOutcome> Predict(Job a, Job b, IReadOnlyList<SharingSetting> settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        Interlocked.Add(ref _predicted, settings.Count(s => s.Mode == SharingMode.FineGrained));
        return inner.Predict(a, b, settings);
    }

    public void UpperBounds(Job a, Job b, IReadOnlyList<SharingSetting> settings, Span<NpCeiling> ceilings)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        ArgumentNullException.ThrowIfNull(settings);
        if (inner is IBoundedPairPredictor bounded)
        {
            bounded.UpperBounds(a, b, settings, ceilings);
        }
        else
        {
            ceilings[..settings.Count].Fill(NpCeiling.None);
        }

        Interlocked.Increment(ref _screened);
        for (var s = 0; s < settings.Count; s++)
        {
            if (rule.ClearsBoth(a, b, ceilings[s].NpA, ceilings[s].NpB))
            {
                Interlocked.Increment(ref _open);
                return;
            }
        }
    }
}
