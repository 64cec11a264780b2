using GpuPool.Core.Sharing;

namespace GpuPool.Core.Prediction;

/// <summary>
/// What <see cref="CachingPairPredictor"/> knows about one ordered profile pair: outcomes per
/// setting, and the ceilings for the first settings list asked (in practice the pairing rule's
/// only one). Arrays are replaced whole, never changed in place, so readers see a consistent list.
/// </summary>
internal sealed class ProfilePairEntry
{
    private PairOutcome[] _outcomes = [];
    private NpCeiling[]? _ceilings;
    private IReadOnlyList<SharingSetting>? _ceilingSettings;

    /// <summary>The window (count of trims) in which the pair was last asked for.</summary>
    public int LastAskedWindow { get; set; }

    public PairOutcome[] Outcomes
    {
        get => Volatile.Read(ref _outcomes);
        set => Volatile.Write(ref _outcomes, value);
    }

    /// <summary>The ceilings for exactly this settings list (the same list object), or null.</summary>
    public NpCeiling[]? CeilingsFor(IReadOnlyList<SharingSetting> settings) =>
        ReferenceEquals(Volatile.Read(ref _ceilingSettings), settings) ? Volatile.Read(ref _ceilings) : null;

    public void RememberCeilings(IReadOnlyList<SharingSetting> settings, NpCeiling[] ceilings)
    {
        // The first list claims the slot for good; until its array lands readers find none and
        // compute their own. Racing writers for that list store equal arrays.
        var owner = Interlocked.CompareExchange(ref _ceilingSettings, settings, null) ?? settings;
        if (ReferenceEquals(owner, settings))
        {
            Volatile.Write(ref _ceilings, ceilings);
        }
    }
}
