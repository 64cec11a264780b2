namespace GpuPool.Operator.Ports;

/// <summary>
/// A list answer: the items read, the objects that could not be read (each skipped alone), and the
/// collection's resourceVersion to watch from.
/// </summary>
public sealed record ResourceList<T>(IReadOnlyList<T> Items, string ResourceVersion, IReadOnlyList<UnreadableObject>? Unreadable = null)
{
    public IReadOnlyList<UnreadableObject> Skipped => Unreadable ?? [];
}
