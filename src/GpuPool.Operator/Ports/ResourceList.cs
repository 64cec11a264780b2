namespace GpuPool.Operator.Ports;

/// <summary>A list answer: the items and the collection's resourceVersion to watch from.</summary>
public sealed record ResourceList<T>(IReadOnlyList<T> Items, string ResourceVersion);
