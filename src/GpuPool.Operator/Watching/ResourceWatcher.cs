using GpuPool.Operator.Ports;
using k8s;
using k8s.Models;
using Microsoft.Extensions.Logging;

namespace GpuPool.Operator.Watching;

/// <summary>
/// Keeps one <see cref="ResourceStore{T}"/> current: list, then watch from the list's
/// resourceVersion; resume from the last version seen when a stream ends or breaks (with jittered
/// backoff after failures); list again on 410 Gone; skip an unreadable event and go on.
/// </summary>
public sealed partial class ResourceWatcher<T>(
    string name,
    IResourceFeed<T> feed,
    ResourceStore<T> store,
    string? namespaceScope,
    WatchBackoff backoff,
    TimeProvider time,
    ILogger logger)
    where T : class, IKubernetesObject<V1ObjectMeta>
{
    private readonly Random _jitter = new();

    /// <summary>Lists done so far (the first, and one per 410 or failed list).</summary>
    public int Lists { get; private set; }

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        string? resourceVersion = null;
        var failures = 0;
        while (!cancellationToken.IsCancellationRequested)
        {
            try
            {
                if (resourceVersion is null)
                {
                    var list = await feed.ListAsync(cancellationToken).ConfigureAwait(false);
                    Lists++;
                    store.Replace(namespaceScope, list.Items);
                    resourceVersion = list.ResourceVersion;
                }

                await foreach (var watchEvent in feed.WatchAsync(resourceVersion, cancellationToken).ConfigureAwait(false))
                {
                    failures = 0;
                    resourceVersion = watchEvent.ResourceVersion ?? resourceVersion;
                    if (watchEvent.Kind == WatchEventKind.Unreadable)
                    {
                        LogUnreadable(name, watchEvent.Error);
                        continue;
                    }

                    store.Apply(watchEvent);
                }
            }
            catch (ResourceExpiredException)
            {
                LogExpired(name, resourceVersion);
                resourceVersion = null;
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                return;
            }
#pragma warning disable CA1031 // A watch loop must survive any failure of one stream.
            catch (Exception e)
#pragma warning restore CA1031
            {
                failures++;
                var delay = backoff.Delay(failures, _jitter);
                LogFailed(e, name, failures, delay);
                try
                {
                    await Task.Delay(delay, time, cancellationToken).ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Watch {Watch}: skipped an unreadable event: {Error}")]
    private partial void LogUnreadable(string watch, string? error);

    [LoggerMessage(Level = LogLevel.Information, Message = "Watch {Watch}: resourceVersion {Version} expired (410); listing again")]
    private partial void LogExpired(string watch, string? version);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Watch {Watch} failed ({Failures} in a row); retrying in {Delay}")]
    private partial void LogFailed(Exception error, string watch, int failures, TimeSpan delay);
}
