using GpuPool.Core.Jobs;
using GpuPool.Core.Matching;
using GpuPool.Core.Pairing;
using GpuPool.Core.Placement;
using GpuPool.Core.Prediction;
using GpuPool.Core.Sharing;

namespace GpuPool.Core.Policies;

/// <summary>
/// GpuPool's method: predict every candidate pair, keep the pairs whose predicted NP clears
/// QoS x (1 + delta) for both, match, then place pairs and the unmatched onto GPUs. With the
/// trained predictor and <see cref="MatchingObjective.MaxCardinality"/> it is the paper's
/// GpuPool; with max weight among max cardinality it is GpuPoolWeighted; with ground truth,
/// delta 0 and max weight it is TrueNpMatching.
/// </summary>
public sealed class MatchingPolicy : ISharingPolicy
{
    private readonly IPairPredictor _predictor;
    private readonly PairingRule _rule;
    private readonly MatchingObjective _objective;
    private readonly PairingOptions _pairing;
    private readonly PairDecisionCache? _decisions;

    /// <param name="pairing">How the graph is built (parallelism, pruning); default: exact, all cores.</param>
    /// <param name="decisions">Pair decisions kept across this policy's windows (see <see cref="PairDecisionCache"/>); null: none.</param>
    public MatchingPolicy(
        string name, IPairPredictor predictor, PairingRule rule, MatchingObjective objective, PairingOptions? pairing = null, PairDecisionCache? decisions = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(predictor);
        ArgumentNullException.ThrowIfNull(rule);
        Name = name;
        _predictor = predictor;
        _rule = rule;
        _objective = objective;
        _pairing = (pairing ?? PairingOptions.Default).Validated();
        _decisions = decisions;
    }

    public string Name { get; }

    public static MatchingPolicy GpuPool(IPairPredictor predictor, PairingRule rule, PairingOptions? pairing = null, PairDecisionCache? decisions = null) =>
        new(PolicyNames.GpuPool, predictor, rule, MatchingObjective.MaxCardinality, pairing, decisions);

    public static MatchingPolicy GpuPoolWeighted(IPairPredictor predictor, PairingRule rule) =>
        new(PolicyNames.GpuPoolWeighted, predictor, rule, MatchingObjective.MaxWeightAmongMaxCardinality);

    /// <summary>
    /// GpuPool's window with perfect prediction: true NP, no safety margin, maximum total STP. It
    /// shows what prediction error costs; it is not an upper bound (each window is planned alone).
    /// </summary>
    public static MatchingPolicy TrueNpMatching(IPairPredictor groundTruth, IReadOnlyList<SharingSetting> settings) =>
        new(PolicyNames.TrueNpMatching, groundTruth, new PairingRule(0, settings), MatchingObjective.MaxWeight);

    /// <summary>The window's three steps in order: <see cref="BuildGraph"/>, <see cref="Match"/>, <see cref="Place"/>.</summary>
    public PlacementPlan Plan(SchedulingBatch batch)
    {
        var pairing = BuildGraph(batch);
        return Place(batch, pairing, Match(pairing));
    }

    /// <summary>Step 1: predict every candidate pair and keep the admissible ones.</summary>
    public PairingGraph BuildGraph(SchedulingBatch batch)
    {
        ArgumentNullException.ThrowIfNull(batch);
        return PairingGraph.Build(batch, _predictor, _rule, _pairing, _decisions);
    }

    /// <summary>Step 2: choose the pairs.</summary>
    public MatchingResult Match(PairingGraph pairing)
    {
        ArgumentNullException.ThrowIfNull(pairing);
        return _objective switch
        {
            MatchingObjective.MaxCardinality => MaximumCardinalityMatching.Find(pairing.Graph),
            MatchingObjective.MaxWeightAmongMaxCardinality => PairWeight.Match(pairing),
            _ => MaximumWeightMatching.Find(pairing.Graph, e => e.Tag.Stp, maxCardinality: false),
        };
    }

    /// <summary>Step 3: place the chosen pairs and the unmatched jobs onto GPUs.</summary>
    public static PlacementPlan Place(SchedulingBatch batch, PairingGraph pairing, MatchingResult matching)
    {
        ArgumentNullException.ThrowIfNull(batch);
        ArgumentNullException.ThrowIfNull(pairing);
        ArgumentNullException.ThrowIfNull(matching);

        // 1. Pairs with a running job go onto that job's GPU; the rest are placement units.
        var assignments = new List<Assignment>();
        var units = new List<(Job First, PairCandidate? Pair)>();
        foreach (var (u, v) in matching.Pairs)
        {
            var edge = pairing.Graph.TryGetEdge(u, v, out var found) ? pairing.Candidate(found) : throw new InvalidOperationException($"Matching chose a non-edge ({u}, {v}).");
            var running = pairing.Vertices[u].RunningOn ?? pairing.Vertices[v].RunningOn;
            if (running is null)
            {
                units.Add((edge.A, edge));
                continue;
            }

            var pending = running.Running[0] == edge.A ? edge.B : edge.A;
            var outcome = pending == edge.A ? edge.Outcome : Swap(edge.Outcome);
            assignments.Add(new Assignment(pending, running.Gpu.Id, running.Running[0], outcome.Setting, outcome.NpA));
        }

        var matched = matching.Pairs.SelectMany(p => new[] { p.Item1, p.Item2 }).Select(i => pairing.Vertices[i].Job).ToHashSet();
        units.AddRange(batch.Pending.Where(j => !matched.Contains(j)).Select(j => (j, (PairCandidate?)null)));

        // 2. Priority, then pairs before singles (a pair uses a GPU better), then arrival order.
        var idle = new IdleGpuPool(batch.Gpus);
        var waiting = new List<Job>();
        var arrival = batch.Pending.Select((job, index) => (job, index)).ToDictionary(x => x.job, x => x.index);
        foreach (var (first, pair) in units
            .OrderByDescending(u => u.Pair is null ? u.First.Priority : Math.Max(u.Pair.A.Priority, u.Pair.B.Priority))
            .ThenBy(u => u.Pair is null ? 1 : 0)
            .ThenBy(u => arrival[u.First]))
        {
            if (pair is null)
            {
                var alone = idle.TakeBestFit(first.GpuMemoryMiB);
                if (alone is null)
                {
                    waiting.Add(first);
                }
                else
                {
                    assignments.Add(new Assignment(first, alone.Gpu.Id, null, SharingSetting.Exclusive, 1.0));
                }

                continue;
            }

            var gpu = idle.TakeBestFit(pair.A.GpuMemoryMiB + pair.B.GpuMemoryMiB);
            if (gpu is null)
            {
                waiting.Add(pair.A);
                waiting.Add(pair.B);
                continue;
            }

            assignments.Add(new Assignment(pair.A, gpu.Gpu.Id, pair.B, pair.Outcome.Setting, pair.Outcome.NpA));
            assignments.Add(new Assignment(pair.B, gpu.Gpu.Id, pair.A, pair.Outcome.Setting.Swapped, pair.Outcome.NpB));
        }

        return new PlacementPlan(assignments, waiting);
    }

    private static PairOutcome Swap(PairOutcome outcome) => new(outcome.Setting.Swapped, outcome.NpB, outcome.NpA);
}
