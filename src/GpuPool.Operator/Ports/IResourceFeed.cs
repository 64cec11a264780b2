namespace GpuPool.Operator.Ports;

/// <summary>List then watch one kind of object (v1.20 has no watch-list mode).</summary>
public interface IResourceFeed<T>
{
    Task<ResourceList<T>> ListAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Events after <paramref name="resourceVersion"/>. Ends when the server closes the stream;
    /// throws <see cref="ResourceExpiredException"/> when that version is gone (410).
    /// </summary>
    IAsyncEnumerable<WatchEvent<T>> WatchAsync(string resourceVersion, CancellationToken cancellationToken);
}
