using GpuPool.Operator.Ports;
using k8s;
using k8s.Models;
using Microsoft.Extensions.Logging;

namespace GpuPool.Operator.Watching;

/// <summary>
/// Keeps one <see cref="ResourceStore{T}"/> current: list, then watch from the list's
/// resourceVersion; resume from the last version seen when a stream ends or breaks (with jittered
/// backoff after failures); list again on 410 Gone. An object that cannot be read, in a list or an
/// event, is held apart in the store (and counted) while everything else goes on.
/// </summary>
public sealed partial class ResourceWatcher<T>(
    string name,
    IResourceFeed<T> feed,
    ResourceStore<T> store,
    string? namespaceScope,
    WatchBackoff backoff,
    WatchTelemetry telemetry,
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
                    store.Replace(namespaceScope, list.Items, list.Skipped);
                    foreach (var skipped in list.Skipped)
                    {
                        LogUnreadable(name, skipped.Key, skipped.Error);
                    }

                    telemetry.Unreadable.Set(store.UnreadableCount);
                    resourceVersion = list.ResourceVersion;
                }

                await foreach (var watchEvent in feed.WatchAsync(resourceVersion, cancellationToken).ConfigureAwait(false))
                {
                    failures = 0;
                    resourceVersion = watchEvent.ResourceVersion ?? resourceVersion;
                    if (watchEvent.Kind == WatchEventKind.Unreadable)
                    {
                        LogUnreadable(name, watchEvent.Unreadable?.Key ?? "?", watchEvent.Error);
                    }

                    store.Apply(watchEvent);
                    telemetry.Unreadable.Set(store.UnreadableCount);
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
                telemetry.Errors.Inc();
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

    [LoggerMessage(Level = LogLevel.Warning, Message = "Watch {Watch}: skipped unreadable object {Key}: {Error}")]
    private partial void LogUnreadable(string watch, string key, string? error);

    [LoggerMessage(Level = LogLevel.Information, Message = "Watch {Watch}: resourceVersion {Version} expired (410); listing again")]
    private partial void LogExpired(string watch, string? version);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Watch {Watch} failed ({Failures} in a row); retrying in {Delay}")]
    private partial void LogFailed(Exception error, string watch, int failures, TimeSpan delay);
}
