using System.Collections.Concurrent;
using GpuPool.Operator.Ports;
using k8s;
using k8s.Models;

namespace GpuPool.Operator.Watching;

/// <summary>
/// The watch cache of one kind, keyed "namespace/name" (or "name" when cluster-scoped). Watchers
/// write it; the scheduling window reads a snapshot. The operator's own writes are put in at once
/// (<see cref="Upsert"/>) so the next window sees them before the watch does. Objects the watch
/// could not read are held apart (<see cref="Unreadable"/>), never as a stale readable copy.
/// </summary>
public sealed class ResourceStore<T>
    where T : class, IKubernetesObject<V1ObjectMeta>
{
    private readonly ConcurrentDictionary<string, T> _items = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, bool> _syncedScopes = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, UnreadableObject> _unreadable = new(StringComparer.Ordinal);

    /// <summary>Raised after every change, from the writer's thread.</summary>
    public event EventHandler? Changed;

    public int Count => _items.Count;

    public int UnreadableCount => _unreadable.Count;

    public bool IsSynced(string scope) => _syncedScopes.ContainsKey(scope);

    public T? Get(string key) => _items.TryGetValue(key, out var item) ? item : null;

    public IReadOnlyList<T> Snapshot() => [.. _items.Values];

    /// <summary>The objects the API server holds that could not be read; none of them is in <see cref="Snapshot"/>.</summary>
    public IReadOnlyList<UnreadableObject> Unreadable() => [.. _unreadable.Values];

    /// <summary>
    /// Replaces every item of the scope (a namespace, or all when null) with a fresh list, and the
    /// scope's unreadable objects with <paramref name="unreadable"/>.
    /// </summary>
    public void Replace(string? namespaceScope, IReadOnlyList<T> fresh, IReadOnlyList<UnreadableObject>? unreadable = null)
    {
        ArgumentNullException.ThrowIfNull(fresh);
        var keep = fresh.Select(i => ResourceKey.Of(i)).ToHashSet(StringComparer.Ordinal);
        foreach (var (key, item) in _items)
        {
            if (!keep.Contains(key) && (namespaceScope is null || item.Metadata.NamespaceProperty == namespaceScope))
            {
                _items.TryRemove(key, out _);
            }
        }

        foreach (var (key, bad) in _unreadable)
        {
            if (namespaceScope is null || bad.Namespace == namespaceScope)
            {
                _unreadable.TryRemove(key, out _);
            }
        }

        foreach (var item in fresh)
        {
            _items[ResourceKey.Of(item)] = item;
        }

        foreach (var bad in unreadable ?? [])
        {
            _items.TryRemove(bad.Key, out _);
            _unreadable[bad.Key] = bad;
        }

        _syncedScopes[namespaceScope ?? string.Empty] = true;
        Changed?.Invoke(this, EventArgs.Empty);
    }

    public void Apply(WatchEvent<T> watchEvent)
    {
        ArgumentNullException.ThrowIfNull(watchEvent);
        var key = watchEvent.Item is { } item ? ResourceKey.Of(item) : watchEvent.Unreadable?.Key;
        if (key is null)
        {
            return;
        }

        if (watchEvent.Kind == WatchEventKind.Unreadable)
        {
            // A newer version that cannot be read replaces the old one: deciding on it would be stale.
            _items.TryRemove(key, out _);
            _unreadable[key] = watchEvent.Unreadable!;
        }
        else if (watchEvent.Kind == WatchEventKind.Deleted)
        {
            _items.TryRemove(key, out _);
            _unreadable.TryRemove(key, out _);
        }
        else if (watchEvent.Item is not null)
        {
            _items[key] = watchEvent.Item;
            _unreadable.TryRemove(key, out _);
        }

        Changed?.Invoke(this, EventArgs.Empty);
    }

    /// <summary>
    /// Puts in an object the operator itself just wrote, unless the watch already delivered a newer
    /// version. resourceVersions are compared as numbers here only, for the operator's own writes;
    /// watch events always apply.
    /// </summary>
    public void Upsert(T item)
    {
        ArgumentNullException.ThrowIfNull(item);
        // One atomic step: a watch event landing between a check and a write must not be overwritten
        // by this older object (the cache would then stay behind the cluster until the next change).
        var stored = _items.AddOrUpdate(
            ResourceKey.Of(item), item, (_, existing) => IsNewer(existing.Metadata.ResourceVersion, item.Metadata.ResourceVersion) ? existing : item);
        if (ReferenceEquals(stored, item))
        {
            Changed?.Invoke(this, EventArgs.Empty);
        }
    }

    private static bool IsNewer(string? a, string? b) =>
        long.TryParse(a, out var x) && long.TryParse(b, out var y) && x > y;
}
