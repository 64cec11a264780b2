using System.Threading.Channels;
using GpuPool.Operator.Ports;
using GpuPool.Operator.Watching;
using k8s;
using k8s.Models;

namespace GpuPool.Operator.Tests.Fakes;

/// <summary>
/// One kind's objects in the in-memory cluster, with a watch history so a watch resumes from a
/// resourceVersion; <see cref="DropWatches"/> ends every open stream, <see cref="Compact"/> makes
/// every older version answer 410.
/// </summary>
public sealed class FakeFeed<T> : IResourceFeed<T>
    where T : class, IKubernetesObject<V1ObjectMeta>
{
    private readonly FakeClock _versions;
    private readonly Dictionary<string, T> _items = new(StringComparer.Ordinal);
    private readonly List<(long Version, WatchEvent<T> Event)> _history = [];
    private readonly List<Channel<WatchEvent<T>>> _watches = [];
    private readonly Dictionary<string, UnreadableObject> _unreadable = new(StringComparer.Ordinal);
    private long _compactedBefore;

    public FakeFeed(FakeClock versions)
    {
        _versions = versions;
    }

    public int Lists { get; private set; }

    public int WatchesOpened { get; private set; }

    public T? Get(string key)
    {
        lock (_versions)
        {
            return _items.TryGetValue(key, out var item) ? Copy(item) : null;
        }
    }

    public IReadOnlyList<T> Items()
    {
        lock (_versions)
        {
            return [.. _items.Values.Select(Copy)];
        }
    }

    /// <summary>Stores a copy with a new resourceVersion (and generation 1 / uid on first write) and tells every watch.</summary>
    public T Put(T item)
    {
        lock (_versions)
        {
            var stored = Copy(item);
            var key = ResourceKey.Of(stored);
            var existed = _items.ContainsKey(key) || _unreadable.Remove(key);
            var version = _versions.Next();
            stored.Metadata.ResourceVersion = version.ToString(System.Globalization.CultureInfo.InvariantCulture);
            stored.Metadata.Uid ??= Guid.NewGuid().ToString();
            stored.Metadata.Generation ??= 1;
            stored.Metadata.CreationTimestamp ??= DateTime.UtcNow;
            _items[key] = stored;
            Publish(version, new WatchEvent<T>(existed ? WatchEventKind.Modified : WatchEventKind.Added, Copy(stored), stored.Metadata.ResourceVersion));
            return Copy(stored);
        }
    }

    public void Delete(string key)
    {
        lock (_versions)
        {
            if (_items.Remove(key, out var removed))
            {
                var version = _versions.Next();
                Publish(version, new WatchEvent<T>(WatchEventKind.Deleted, removed, version.ToString(System.Globalization.CultureInfo.InvariantCulture)));
            }
        }
    }

    /// <summary>Sends an event the watcher cannot read (a malformed object).</summary>
    public void PublishUnreadable()
    {
        lock (_versions)
        {
            var version = _versions.Next();
            Publish(version, new WatchEvent<T>(WatchEventKind.Unreadable, null, version.ToString(System.Globalization.CultureInfo.InvariantCulture), "malformed object"));
        }
    }

    /// <summary>
    /// Stores an object the operator cannot read in place of <paramref name="key"/>'s readable one (as
    /// the API server keeps a number wider than the model's field): lists name it, watches send it
    /// as an unreadable event.
    /// </summary>
    public UnreadableObject PutUnreadable(string key, string error)
    {
        lock (_versions)
        {
            var version = _versions.Next().ToString(System.Globalization.CultureInfo.InvariantCulture);
            var parts = key.Split('/', 2);
            var uid = _items.Remove(key, out var old) ? old.Metadata.Uid : Guid.NewGuid().ToString();
            var bad = new UnreadableObject(parts.Length == 2 ? parts[0] : null, parts[^1], uid, version, error);
            _unreadable[key] = bad;
            Publish(long.Parse(version, System.Globalization.CultureInfo.InvariantCulture), new WatchEvent<T>(WatchEventKind.Unreadable, null, version, error, bad));
            return bad;
        }
    }

    public void DropWatches()
    {
        lock (_versions)
        {
            foreach (var watch in _watches)
            {
                watch.Writer.TryComplete();
            }

            _watches.Clear();
        }
    }

    /// <summary>
    /// Forgets the history: resuming from any version seen so far answers 410 Gone. Open watches
    /// end with 410 too, unless <paramref name="endWatches"/> is false: then they go on, as a real
    /// server's do when etcd compacts under them (a long run keeps the fake's memory bounded so).
    /// </summary>
    public void Compact(bool endWatches = true)
    {
        lock (_versions)
        {
            _compactedBefore = _versions.Current + 1;
            _history.Clear();
            if (!endWatches)
            {
                return;
            }

            foreach (var watch in _watches)
            {
                watch.Writer.TryComplete(new ResourceExpiredException("410 Gone (compacted)"));
            }

            _watches.Clear();
        }
    }

    public Task<ResourceList<T>> ListAsync(CancellationToken cancellationToken)
    {
        lock (_versions)
        {
            Lists++;
            return Task.FromResult(new ResourceList<T>([.. _items.Values.Select(Copy)], _versions.Current.ToString(System.Globalization.CultureInfo.InvariantCulture), [.. _unreadable.Values]));
        }
    }

    public async IAsyncEnumerable<WatchEvent<T>> WatchAsync(string resourceVersion, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var channel = Channel.CreateUnbounded<WatchEvent<T>>();
        lock (_versions)
        {
            var from = long.Parse(resourceVersion, System.Globalization.CultureInfo.InvariantCulture);
            if (from < _compactedBefore - 1)
            {
                throw new ResourceExpiredException($"410 Gone: {from} is compacted");
            }

            WatchesOpened++;
            foreach (var (version, watchEvent) in _history.Where(h => h.Version > from))
            {
                channel.Writer.TryWrite(watchEvent);
            }

            _watches.Add(channel);
        }

        await foreach (var watchEvent in channel.Reader.ReadAllAsync(cancellationToken))
        {
            yield return watchEvent;
        }
    }

    private void Publish(long version, WatchEvent<T> watchEvent)
    {
        _history.Add((version, watchEvent));
        foreach (var watch in _watches)
        {
            watch.Writer.TryWrite(watchEvent);
        }
    }

    private static T Copy(T item) => KubernetesJson.Deserialize<T>(KubernetesJson.Serialize(item));
}
