using System.Runtime.CompilerServices;
using GpuPool.Operator.Ports;
using k8s.Models;

namespace GpuPool.Operator.Scheduling;

/// <summary>The pod feed as the operator may believe it: every pod passes <paramref name="admit"/> before the cache sees it.</summary>
public sealed class VerifyingPodFeed(IResourceFeed<V1Pod> inner, Func<V1Pod, V1Pod> admit, Action<V1Pod> forget) : IResourceFeed<V1Pod>
{
    public async Task<ResourceList<V1Pod>> ListAsync(CancellationToken cancellationToken)
    {
        var list = await inner.ListAsync(cancellationToken).ConfigureAwait(false);
        return list with { Items = [.. list.Items.Select(admit)] };
    }

    public async IAsyncEnumerable<WatchEvent<V1Pod>> WatchAsync(string resourceVersion, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var watchEvent in inner.WatchAsync(resourceVersion, cancellationToken).ConfigureAwait(false))
        {
            if (watchEvent.Item is not { } pod)
            {
                yield return watchEvent;
            }
            else if (watchEvent.Kind == WatchEventKind.Deleted)
            {
                forget(pod);
                yield return watchEvent;
            }
            else
            {
                yield return watchEvent with { Item = admit(pod) };
            }
        }
    }
}
