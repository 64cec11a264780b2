namespace GpuPool.Operator.Ports;

/// <summary>
/// One watch event: the object (absent for bookmarks and unreadable events) and the version reached;
/// an unreadable event names the object it could not read when its metadata could be read.
/// </summary>
public sealed record WatchEvent<T>(WatchEventKind Kind, T? Item, string? ResourceVersion, string? Error = null, UnreadableObject? Unreadable = null);
