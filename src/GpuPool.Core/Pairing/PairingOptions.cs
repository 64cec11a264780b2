namespace GpuPool.Core.Pairing;

/// <summary>
/// How the pairing graph is built. Parallelism never changes which edges are found: it only
/// splits the candidate pairs across cores (edges are still added in vertex order). Pruning with a
/// k at least the vertex count, and sampling with 2s at least n - 1, keep every edge.
/// </summary>
public sealed record PairingOptions
{
    public static PairingOptions Default { get; } = new();

    /// <summary>
    /// Keep, for each vertex, only k of its admissible partners: the ceil(k/2) with the highest
    /// predicted pair STP and floor(k/2) spread evenly over the rest (<see cref="KeptPartners"/>);
    /// an edge survives when either end keeps it. Null keeps every admissible edge. Pruning bounds
    /// the graph at n x k edges, so matching and memory stay linear in the window, at a quality
    /// cost measured in docs/performance.md.
    /// </summary>
    public int? PruneTopK { get; init; }

    /// <summary>
    /// Consider each vertex only with the vertices at s cyclic distances spread evenly over the
    /// window, s on each side (<see cref="CandidatePartners"/>): prediction then costs n x s pairs
    /// instead of n^2 / 2, for windows too large to predict every pair. Null (or 2s at least n - 1)
    /// considers every pair. Combines with <see cref="PruneTopK"/>, which then ranks the sampled
    /// candidates. Quality cost measured in docs/performance.md.
    /// </summary>
    public int? CandidatesPerSide { get; init; }

    /// <summary>Cores used to predict candidate pairs; 1 runs sequentially. Default: all.</summary>
    public int MaxDegreeOfParallelism { get; init; } = Environment.ProcessorCount;

    public PairingOptions Validated()
    {
        if (PruneTopK is < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(PruneTopK), PruneTopK, "PruneTopK must be at least 1 (or null for no pruning).");
        }

        if (CandidatesPerSide is < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(CandidatesPerSide), CandidatesPerSide, "CandidatesPerSide must be at least 1 (or null for every pair).");
        }

        if (MaxDegreeOfParallelism < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(MaxDegreeOfParallelism), MaxDegreeOfParallelism, "MaxDegreeOfParallelism must be at least 1.");
        }

        return this;
    }
}
