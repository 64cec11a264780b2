using System.Runtime.CompilerServices;
using GpuPool.Operator.Ports;
using k8s;
using k8s.Autorest;

namespace GpuPool.Operator.Kubernetes;

/// <summary>
/// List and watch of one kind through KubernetesClient. A watch ERROR event or HTTP failure
/// becomes the port's exception (410 is <see cref="ResourceExpiredException"/>); an object that
/// cannot be read becomes an <see cref="WatchEventKind.Unreadable"/> event instead of ending the stream.
/// </summary>
public sealed class KubernetesFeed<T, TRaw>(
    ApiPermission permission,
    Func<CancellationToken, Task<ResourceList<T>>> list,
    Func<string, CancellationToken, IAsyncEnumerable<(WatchEventType Type, TRaw Object)>> watch,
    Func<TRaw, T> read,
    Func<T, string?> versionOf,
    Func<TRaw, k8s.Models.V1Status?> statusOf,
    Func<TRaw, string, UnreadableObject?> describeUnreadable) : IResourceFeed<T>
    where T : class
{
    public Task<ResourceList<T>> ListAsync(CancellationToken cancellationToken) =>
        ApiCall.RunAsync(permission, "list", () => list(cancellationToken));

    public async IAsyncEnumerable<WatchEvent<T>> WatchAsync(string resourceVersion, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var stream = await ApiCall.RunAsync(permission, "watch", () => Task.FromResult(watch(resourceVersion, cancellationToken)));
        var events = stream.GetAsyncEnumerator(cancellationToken);
        await using (events.ConfigureAwait(false))
        {
            while (true)
            {
                (WatchEventType Type, TRaw Object) current;
                try
                {
                    if (!await events.MoveNextAsync())
                    {
                        break;
                    }

                    current = events.Current;
                }
                catch (KubernetesException e)
                {
                    throw ApiCall.Map(permission.Describe("watch"), e.Status?.Code ?? 500, e.Status?.Message, e);
                }
                catch (HttpOperationException e)
                {
                    throw ApiCall.Map(permission.Describe("watch"), (int)e.Response.StatusCode, e.Response.Content, e);
                }

                yield return Convert(current.Type, current.Object);
            }
        }
    }

    private WatchEvent<T> Convert(WatchEventType type, TRaw raw)
    {
        if (type == WatchEventType.Error)
        {
            var status = statusOf(raw);
            throw ApiCall.Map(permission.Describe("watch"), status?.Code ?? 500, status?.Message, null);
        }

        T item;
        try
        {
            item = read(raw);
        }
        catch (Exception e) when (CustomObjectReader.IsUnreadable(e))
        {
            // A deleted object that cannot be read is still deleted: the store drops it by its name.
            var unreadable = describeUnreadable(raw, e.Message);
            var kind = type == WatchEventType.Deleted ? WatchEventKind.Deleted : WatchEventKind.Unreadable;
            return new WatchEvent<T>(kind, null, unreadable?.ResourceVersion, e.Message, unreadable);
        }

        var version = versionOf(item);
        return type switch
        {
            WatchEventType.Added => new WatchEvent<T>(WatchEventKind.Added, item, version),
            WatchEventType.Modified => new WatchEvent<T>(WatchEventKind.Modified, item, version),
            WatchEventType.Deleted => new WatchEvent<T>(WatchEventKind.Deleted, item, version),
            WatchEventType.Bookmark => new WatchEvent<T>(WatchEventKind.Bookmark, null, version),
            _ => throw ApiCall.Map(permission.Describe("watch"), 500, $"unexpected watch event {type}", null),
        };
    }
}
