namespace GpuPool.Operator.Ports;

/// <summary>One watch event: the object (absent for bookmarks and unreadable events) and the version reached.</summary>
public sealed record WatchEvent<T>(WatchEventKind Kind, T? Item, string? ResourceVersion, string? Error = null);
