namespace GpuPool.Core.Prediction;

/// <summary>
/// What <see cref="CachingPairPredictor"/> knows about one ordered profile pair, per setting.
/// Each array is replaced whole, never changed in place, so readers see a consistent list.
/// </summary>
internal sealed class ProfilePairEntry
{
    private PairOutcome[] _outcomes = [];
    private PairOutcome[] _ceilings = [];

    public PairOutcome[] Outcomes
    {
        get => Volatile.Read(ref _outcomes);
        set => Volatile.Write(ref _outcomes, value);
    }

    public PairOutcome[] Ceilings
    {
        get => Volatile.Read(ref _ceilings);
        set => Volatile.Write(ref _ceilings, value);
    }
}
