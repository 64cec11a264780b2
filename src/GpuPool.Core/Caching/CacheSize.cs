namespace GpuPool.Core.Caching;

/// <summary>How many entries one part of a cache holds (<see cref="IBoundedCache.Sizes"/>).</summary>
public readonly record struct CacheSize(string Part, long Entries);
