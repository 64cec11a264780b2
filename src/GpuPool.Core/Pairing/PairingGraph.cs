using GpuPool.Core.Placement;
using GpuPool.Core.Prediction;
using QuikGraph;

namespace GpuPool.Core.Pairing;

/// <summary>
/// The paper's pairing graph for one window. Vertices are the pending jobs and the running jobs
/// with a free partner slot; an edge joins two of them when both would clear QoS x (1 + delta)
/// under some setting and their memory fits one GPU together. Two running jobs are never joined;
/// a pending job and a running one are judged by <see cref="PairingRule.BestBeside"/> (remaining work, fixed share).
/// </summary>
public sealed class PairingGraph
{
    private PairingGraph(IReadOnlyList<PairingVertex> vertices, UndirectedGraph<int, TaggedUndirectedEdge<int, PairOutcome>> graph)
    {
        Vertices = vertices;
        Graph = graph;
    }

    /// <summary>Vertex i of <see cref="Graph"/> is Vertices[i].</summary>
    public IReadOnlyList<PairingVertex> Vertices { get; }

    /// <summary>
    /// Edge (i, j) has i &lt; j and carries the best admissible outcome seen from vertex i's job;
    /// its matching weight is that outcome's STP. <see cref="Candidate"/> names the two jobs.
    /// </summary>
    public UndirectedGraph<int, TaggedUndirectedEdge<int, PairOutcome>> Graph { get; }

    /// <summary>The jobs of an edge and its outcome, seen from the edge's source.</summary>
    public PairCandidate Candidate(TaggedUndirectedEdge<int, PairOutcome> edge)
    {
        ArgumentNullException.ThrowIfNull(edge);
        return new PairCandidate(Vertices[edge.Source].Job, Vertices[edge.Target].Job, edge.Tag);
    }

    /// <summary>
    /// Builds the graph. Candidate pairs are predicted in parallel, but each edge (i, j) is always
    /// decided with i &lt; j and added in (i, j) order, so the graph is the same for any core count.
    /// </summary>
    public static PairingGraph Build(
        SchedulingBatch batch, IPairPredictor predictor, PairingRule rule, PairingOptions? options = null, PairDecisionCache? decisions = null)
    {
        ArgumentNullException.ThrowIfNull(batch);
        ArgumentNullException.ThrowIfNull(predictor);
        ArgumentNullException.ThrowIfNull(rule);
        options = (options ?? PairingOptions.Default).Validated();

        // 1. Vertices: pending first (in arrival order), then running jobs that accept a partner.
        var vertices = batch.Pending.Select(j => new PairingVertex(j, null))
            .Concat(batch.Gpus.Where(g => g.HasFreePartnerSlot).Select(g => new PairingVertex(g.Running[0], g)))
            .ToArray();
        decisions?.BeginWindow(vertices.Select(v => v.Job));

        // 2. The decision for one candidate pair: memory first (cheap), then the predictor and the delta rule.
        var largestIdleMemory = batch.Gpus.Where(g => g.IsIdle).Select(g => g.Gpu.Model.MemoryMiB).DefaultIfEmpty(0).Max();
        PairOutcome? Decide(int i, int j)
        {
            var (u, v) = (vertices[i], vertices[j]);
            if (!MemoryFits(u, v, largestIdleMemory))
            {
                return null;
            }

            // A running job is always the later vertex. Its progress changes every window, so its
            // pairs are never remembered across windows.
            if (v.RunningOn is { Resident: { } resident })
            {
                return rule.BestBeside(u.Job, v.Job, resident, predictor);
            }

            return decisions is null ? rule.Best(u.Job, v.Job, predictor) : decisions.Decide(u.Job, v.Job, rule, predictor);
        }

        // 3. Rows of edges (i, j > i) among the candidate pairs, predicted in parallel, then pruned if asked.
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = options.MaxDegreeOfParallelism };
        var candidates = CandidatePartners.For(vertices.Length, options.CandidatesPerSide);
        var rows = options.PruneTopK is { } k
            ? PrunedRows(vertices.Length, k, candidates, Decide, parallel)
            : ExactRows(vertices.Length, candidates, Decide, parallel);

        // 4. The graph, edges in (i, j) order. Making the edges took most of this serial step, so
        //    each row's are made in parallel first, and each vertex's adjacency list is created at
        //    its final size. Rows hold each pair once, so QuikGraph's duplicate check (a scan of the
        //    vertex's adjacency per edge: quadratic in the degree) is skipped.
        var edges = new TaggedUndirectedEdge<int, PairOutcome>[rows.Length][];
        Parallel.For(0, rows.Length, parallel, i => edges[i] = [.. rows[i].Select(e => new TaggedUndirectedEdge<int, PairOutcome>(i, e.J, e.Outcome))]);
        var graph = new UndirectedGraph<int, TaggedUndirectedEdge<int, PairOutcome>>(allowParallelEdges: true);
        var degrees = Degrees(rows);
        for (var v = 0; v < vertices.Length; v++)
        {
            // QuikGraph sizes a vertex's adjacency list by EdgeCapacity when the vertex is added.
            graph.EdgeCapacity = degrees[v];
            graph.AddVertex(v);
        }

        foreach (var row in edges)
        {
            foreach (var edge in row)
            {
                graph.AddEdge(edge);
            }
        }

        return new PairingGraph(vertices, graph);
    }

    private static List<(int J, PairOutcome Outcome)>[] ExactRows(int n, CandidatePartners candidates, Func<int, int, PairOutcome?> decide, ParallelOptions parallel)
    {
        var rows = new List<(int, PairOutcome)>[n];
        Parallel.For(0, n, parallel, i =>
        {
            var row = new List<(int, PairOutcome)>();
            foreach (var j in candidates.After(i))
            {
                if (decide(i, j) is { } outcome)
                {
                    row.Add((j, outcome));
                }
            }

            rows[i] = row;
        });
        return rows;
    }

    /// <summary>
    /// Each vertex offers every admissible partner to its own selection (<see cref="KeptPartners"/>);
    /// an edge survives when either end keeps it. With every pair a candidate, each vertex decides
    /// its own pairs (each pair from both ends, always oriented i &lt; j), so memory stays at the
    /// kept edges; with sampled candidates the few candidate pairs are decided once, then offered
    /// to both ends.
    /// </summary>
    private static List<(int J, PairOutcome Outcome)>[] PrunedRows(int n, int k, CandidatePartners candidates, Func<int, int, PairOutcome?> decide, ParallelOptions parallel)
    {
        var decided = candidates.IsAll ? null : BothEnds(ExactRows(n, candidates, decide, parallel));
        var kept = new IReadOnlyList<(int Partner, PairOutcome Outcome)>[n];
        Parallel.For(0, n, parallel, i =>
        {
            var partners = new KeptPartners(i, n, k);
            if (decided is null)
            {
                foreach (var j in candidates.Of(i))
                {
                    if (decide(Math.Min(i, j), Math.Max(i, j)) is { } outcome)
                    {
                        partners.Offer(j, outcome);
                    }
                }
            }
            else
            {
                foreach (var (j, outcome) in decided[i])
                {
                    partners.Offer(j, outcome);
                }
            }

            kept[i] = partners.Select();
        });

        var rows = new List<(int J, PairOutcome Outcome)>[n];
        for (var i = 0; i < n; i++)
        {
            rows[i] = [];
        }

        for (var i = 0; i < n; i++)
        {
            foreach (var (j, outcome) in kept[i])
            {
                rows[Math.Min(i, j)].Add((Math.Max(i, j), outcome));
            }
        }

        foreach (var row in rows)
        {
            row.Sort((x, y) => x.J.CompareTo(y.J));
            DropRepeats(row);
        }

        return rows;
    }

    /// <summary>Each vertex's edges: its own row's, and one for each row above it that lists it.</summary>
    private static int[] Degrees(List<(int J, PairOutcome Outcome)>[] rows)
    {
        var degrees = new int[rows.Length];
        for (var i = 0; i < rows.Length; i++)
        {
            degrees[i] += rows[i].Count;
            foreach (var (j, _) in rows[i])
            {
                degrees[j]++;
            }
        }

        return degrees;
    }

    /// <summary>Adds to each row the decided pairs of the rows above it, so every pair is listed at both ends.</summary>
    private static List<(int J, PairOutcome Outcome)>[] BothEnds(List<(int J, PairOutcome Outcome)>[] rows)
    {
        var decidedHere = rows.Select(row => row.Count).ToArray();
        for (var i = 0; i < rows.Length; i++)
        {
            for (var t = 0; t < decidedHere[i]; t++)
            {
                var (j, outcome) = rows[i][t];
                rows[j].Add((i, outcome));
            }
        }

        return rows;
    }

    /// <summary>A pair kept by both ends appears twice in its sorted row; keep it once.</summary>
    private static void DropRepeats(List<(int J, PairOutcome Outcome)> sortedRow)
    {
        var write = 0;
        for (var read = 0; read < sortedRow.Count; read++)
        {
            if (write == 0 || sortedRow[write - 1].J != sortedRow[read].J)
            {
                sortedRow[write++] = sortedRow[read];
            }
        }

        sortedRow.RemoveRange(write, sortedRow.Count - write);
    }

    private static bool MemoryFits(PairingVertex u, PairingVertex v, long largestIdleMemory)
    {
        if (u.RunningOn is not null && v.RunningOn is not null)
        {
            return false;
        }

        var running = u.RunningOn ?? v.RunningOn;
        return running is not null
            ? (running == u.RunningOn ? v : u).Job.GpuMemoryMiB <= running.FreeMemoryMiB
            : u.Job.GpuMemoryMiB + v.Job.GpuMemoryMiB <= largestIdleMemory;
    }
}
