using GpuPool.Core.Prediction;

namespace GpuPool.Core.Pairing;

/// <summary>
/// Which admissible partners one vertex keeps when the graph is pruned to k per vertex: its
/// ceil(k/2) best by predicted pair STP, and floor(k/2) more spread evenly over the rest in cyclic
/// vertex order after the owner. The best alone would send every vertex to the same few
/// universally good partners: a star whose matching pairs only those few. The spread half keeps
/// the graph's matchings close to the exact graph's size. Ties in STP go to the partner that
/// follows the owner most closely in cyclic order. The order of offers never matters.
/// </summary>
internal sealed class KeptPartners(int owner, int vertices, int k)
{
    private readonly List<(int Partner, PairOutcome Outcome)> _offers = [];

    public void Offer(int partner, PairOutcome outcome) => _offers.Add((partner, outcome));

    /// <summary>The kept partners (all of them when there are at most k).</summary>
    public IReadOnlyList<(int Partner, PairOutcome Outcome)> Select()
    {
        // 1. Cyclic order after the owner: the spread's order and the tie rule's.
        _offers.Sort((x, y) => CyclicDistance(x.Partner).CompareTo(CyclicDistance(y.Partner)));
        if (_offers.Count <= k)
        {
            return _offers;
        }

        // 2. The best half by STP; a stable sort keeps cyclic order among ties.
        var bestCount = (k + 1) / 2;
        var byStp = Enumerable.Range(0, _offers.Count).OrderByDescending(i => _offers[i].Outcome.Stp).Take(bestCount).ToHashSet();

        // 3. The other half at evenly spaced positions of the rest, in cyclic order.
        var rest = Enumerable.Range(0, _offers.Count).Where(i => !byStp.Contains(i)).ToList();
        var spreadCount = k - bestCount;
        var spread = Enumerable.Range(0, spreadCount).Select(t => rest[(int)((t + 0.5) * rest.Count / spreadCount)]);

        return [.. byStp.Concat(spread).Order().Select(i => _offers[i])];
    }

    private int CyclicDistance(int partner) => ((partner - owner) % vertices + vertices) % vertices;
}
