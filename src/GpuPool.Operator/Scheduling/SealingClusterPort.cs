using System.Collections.Concurrent;
using GpuPool.Operator.Ports;
using GpuPool.Operator.Resources;
using GpuPool.Operator.Watching;
using k8s.LeaderElection;
using k8s.Models;
using Microsoft.Extensions.Logging;
using Prometheus;

namespace GpuPool.Operator.Scheduling;

/// <summary>
/// The port as the scheduler uses it: every pod the operator creates
/// is sealed (<see cref="PlacementSeal"/>), and every pod it reads whose GpuPool claims do not
/// verify is seen without them (<see cref="UnverifiedClaims"/>). So a hand-written pod saying
/// "partner: A/victim, share 0.95", or one squatting a job's pod name with its owner reference,
/// steers nothing: it only holds the GPU units it asked for.
/// </summary>
public sealed partial class SealingClusterPort(IClusterPort inner, PlacementSeal seal, Gauge unverifiedPods, ILogger logger) : IClusterPort
{
    private readonly ConcurrentDictionary<string, bool> _unverified = new(StringComparer.Ordinal);

    public IResourceFeed<GpuJob> Jobs(string? namespaceName) => inner.Jobs(namespaceName);

    public IResourceFeed<GpuProfile> Profiles(string? namespaceName) => inner.Profiles(namespaceName);

    public IResourceFeed<V1Node> Nodes() => inner.Nodes();

    public IResourceFeed<V1Pod> Pods(string? namespaceName) => new VerifyingPodFeed(inner.Pods(namespaceName), Admit, Forget);

    public async Task<V1Pod?> GetPodAsync(string namespaceName, string name, CancellationToken cancellationToken) =>
        await inner.GetPodAsync(namespaceName, name, cancellationToken).ConfigureAwait(false) is { } pod ? Admit(pod) : null;

    public Task<V1Pod> CreatePodAsync(V1Pod pod, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(pod);
        seal.Apply(pod);
        return inner.CreatePodAsync(pod, cancellationToken);
    }

    public Task BindPodAsync(string namespaceName, string podName, string nodeName, CancellationToken cancellationToken) =>
        inner.BindPodAsync(namespaceName, podName, nodeName, cancellationToken);

    public Task DeletePodAsync(string namespaceName, string name, string uid, CancellationToken cancellationToken) =>
        inner.DeletePodAsync(namespaceName, name, uid, cancellationToken);

    public Task<GpuJob> PatchJobStatusAsync(string namespaceName, string name, GpuJobStatus status, CancellationToken cancellationToken) =>
        inner.PatchJobStatusAsync(namespaceName, name, status, cancellationToken);

    public Task FlagUnreadableJobAsync(UnreadableObject job, GpuJobCondition condition, CancellationToken cancellationToken) =>
        inner.FlagUnreadableJobAsync(job, condition, cancellationToken);

    public Task EmitEventAsync(JobEvent jobEvent, CancellationToken cancellationToken) => inner.EmitEventAsync(jobEvent, cancellationToken);

    public ILock LeaseLock(string namespaceName, string name, string identity) => inner.LeaseLock(namespaceName, name, identity);

    private V1Pod Admit(V1Pod pod)
    {
        var key = ResourceKey.Of(pod);
        if (!PlacementSeal.Claims(pod) || seal.Verifies(pod))
        {
            Forget(pod);
            return pod;
        }

        if (_unverified.TryAdd(key, true))
        {
            unverifiedPods.Set(_unverified.Count);
            LogUnverified(key);
        }

        return UnverifiedClaims.Strip(pod);
    }

    private void Forget(V1Pod pod)
    {
        if (_unverified.TryRemove(ResourceKey.Of(pod), out _))
        {
            unverifiedPods.Set(_unverified.Count);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Pod {Pod} claims a GpuPool placement without a seal that verifies under GpuPool:Operator:PlacementKey or PreviousPlacementKey: its claims are ignored, its GPU units still count (after a key rotation, set PreviousPlacementKey to the old key)")]
    private partial void LogUnverified(string pod);
}
