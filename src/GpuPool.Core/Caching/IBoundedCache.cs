namespace GpuPool.Core.Caching;

/// <summary>
/// A cache that a long-running host keeps across scheduling windows and cuts back to its bound
/// between them. Dropping entries never changes an answer, only what it costs to give it again.
/// </summary>
public interface IBoundedCache
{
    /// <summary>Entries held now, per part; part names come from a small fixed set (metric labels).</summary>
    IReadOnlyList<CacheSize> Sizes { get; }

    /// <summary>
    /// Drops what is over the bound. Call between windows, never while one predicts: a window may
    /// need more than the bound for itself, and gets it. True when something was dropped.
    /// </summary>
    bool Trim();
}
