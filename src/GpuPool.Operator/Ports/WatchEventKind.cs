namespace GpuPool.Operator.Ports;

/// <summary>What a watch event says happened.</summary>
public enum WatchEventKind
{
    Added,
    Modified,
    Deleted,

    /// <summary>Only a newer resourceVersion to resume from.</summary>
    Bookmark,

    /// <summary>An event whose object could not be read; <see cref="WatchEvent{T}.Error"/> says why.</summary>
    Unreadable,
}
