using GpuPool.Core.Placement;
using GpuPool.Core.Prediction;
using QuikGraph;

namespace GpuPool.Core.Pairing;

/// <summary>
/// The paper's pairing graph for one window. Vertices are the pending jobs and the running jobs
/// with a free partner slot; an edge joins two of them when both would clear QoS x (1 + delta)
/// under some setting and their memory fits one GPU together. Two running jobs are never joined.
/// </summary>
public sealed class PairingGraph
{
    private PairingGraph(IReadOnlyList<PairingVertex> vertices, UndirectedGraph<int, TaggedUndirectedEdge<int, PairCandidate>> graph)
    {
        Vertices = vertices;
        Graph = graph;
    }

    /// <summary>Vertex i of <see cref="Graph"/> is Vertices[i].</summary>
    public IReadOnlyList<PairingVertex> Vertices { get; }

    public UndirectedGraph<int, TaggedUndirectedEdge<int, PairCandidate>> Graph { get; }

    public static PairingGraph Build(SchedulingBatch batch, IPairPredictor predictor, PairingRule rule)
    {
        ArgumentNullException.ThrowIfNull(batch);
        ArgumentNullException.ThrowIfNull(predictor);
        ArgumentNullException.ThrowIfNull(rule);

        // 1. Vertices: pending first (in arrival order), then running jobs that accept a partner.
        var vertices = batch.Pending.Select(j => new PairingVertex(j, null))
            .Concat(batch.Gpus.Where(g => g.HasFreePartnerSlot).Select(g => new PairingVertex(g.Running[0], g)))
            .ToList();
        var graph = new UndirectedGraph<int, TaggedUndirectedEdge<int, PairCandidate>>(allowParallelEdges: false);
        graph.AddVertexRange(Enumerable.Range(0, vertices.Count));

        // 2. Edges: memory first (cheap), then the predictor and the delta rule.
        var largestIdleMemory = batch.Gpus.Where(g => g.IsIdle).Select(g => g.Gpu.Model.MemoryMiB).DefaultIfEmpty(0).Max();
        for (var i = 0; i < vertices.Count; i++)
        {
            for (var j = i + 1; j < vertices.Count; j++)
            {
                var (u, v) = (vertices[i], vertices[j]);
                if (!MemoryFits(u, v, largestIdleMemory))
                {
                    continue;
                }

                var best = rule.Best(u.Job, v.Job, predictor);
                if (best is not null)
                {
                    graph.AddEdge(new TaggedUndirectedEdge<int, PairCandidate>(i, j, new PairCandidate(u.Job, v.Job, best)));
                }
            }
        }

        return new PairingGraph(vertices, graph);
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
