namespace GpuPool.Core.Sharing;

/// <summary>How a GPU is shared.</summary>
public enum SharingMode
{
    /// <summary>One job has the whole GPU.</summary>
    Exclusive,

    /// <summary>Two jobs on the same SMs, each with a share of every SM (thread-block quota or MPS).</summary>
    FineGrained,

    /// <summary>Two jobs on disjoint SM slices (MIG-like).</summary>
    Partitioned,
}
