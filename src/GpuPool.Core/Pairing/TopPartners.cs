using GpuPool.Core.Prediction;

namespace GpuPool.Core.Pairing;

/// <summary>
/// The k best admissible partners of one vertex by predicted pair STP, kept sorted best first.
/// Ties go to the partner that follows the owner most closely in cyclic vertex order: jobs of one
/// application tie on every partner, and "lowest index wins" would send every vertex to the same
/// few partners (a star the matching cannot use). The order of offers never matters.
/// </summary>
internal sealed class TopPartners
{
    private readonly int _owner;
    private readonly int _vertices;
    private readonly int _capacity;
    private readonly List<(int Partner, PairOutcome Outcome)> _kept;

    public TopPartners(int owner, int vertices, int capacity)
    {
        _owner = owner;
        _vertices = vertices;
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

    /// <summary>How far <paramref name="partner"/> follows the owner in cyclic order (1 .. vertices - 1).</summary>
    public static int CyclicDistance(int owner, int partner, int vertices) => ((partner - owner) % vertices + vertices) % vertices;

    private bool Beats(int partner, PairOutcome outcome, (int Partner, PairOutcome Outcome) other) =>
        outcome.Stp > other.Outcome.Stp
        || (outcome.Stp == other.Outcome.Stp && CyclicDistance(_owner, partner, _vertices) < CyclicDistance(_owner, other.Partner, _vertices));
}
