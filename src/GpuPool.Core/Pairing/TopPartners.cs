using GpuPool.Core.Prediction;

namespace GpuPool.Core.Pairing;

/// <summary>
/// The k best admissible partners of one vertex by predicted pair STP, kept sorted best first;
/// ties go to the lower partner index so the answer never depends on the order of offers.
/// </summary>
internal sealed class TopPartners
{
    private readonly int _capacity;
    private readonly List<(int Partner, PairOutcome Outcome)> _kept;

    public TopPartners(int capacity)
    {
        _capacity = capacity;
        _kept = new List<(int, PairOutcome)>(Math.Min(capacity, 64));
    }

    public IReadOnlyList<(int Partner, PairOutcome Outcome)> Kept => _kept;

    public void Offer(int partner, PairOutcome outcome)
    {
        if (_kept.Count == _capacity && !Beats(partner, outcome, _kept[^1]))
        {
            return;
        }

        var at = _kept.Count;
        while (at > 0 && Beats(partner, outcome, _kept[at - 1]))
        {
            at--;
        }

        _kept.Insert(at, (partner, outcome));
        if (_kept.Count > _capacity)
        {
            _kept.RemoveAt(_kept.Count - 1);
        }
    }

    private static bool Beats(int partner, PairOutcome outcome, (int Partner, PairOutcome Outcome) other) =>
        outcome.Stp > other.Outcome.Stp || (outcome.Stp == other.Outcome.Stp && partner < other.Partner);
}
