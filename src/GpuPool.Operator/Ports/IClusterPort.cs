using GpuPool.Operator.Resources;
using k8s.LeaderElection;
using k8s.Models;

namespace GpuPool.Operator.Ports;

/// <summary>
/// Everything the operator asks of Kubernetes, and nothing more. The KubernetesClient adapter and
/// the in-memory fake of the tests both implement it; errors are mapped to
/// <see cref="ApiConflictException"/>, <see cref="ResourceExpiredException"/>,
/// <see cref="TransientApiException"/> and <see cref="ApiNotFoundException"/>.
/// </summary>
public interface IClusterPort
{
    /// <summary>GpuJobs of one namespace, or of all when <paramref name="namespaceName"/> is null.</summary>
    IResourceFeed<GpuJob> Jobs(string? namespaceName);

    IResourceFeed<GpuProfile> Profiles(string? namespaceName);

    IResourceFeed<V1Node> Nodes();

    /// <summary>
    /// Every pod (in the namespace, or all): its own to reconcile, and every other pod's GPU
    /// resource limits, which occupy GPUs the operator must not hand out again.
    /// </summary>
    IResourceFeed<V1Pod> Pods(string? namespaceName);

    Task<V1Pod?> GetPodAsync(string namespaceName, string name, CancellationToken cancellationToken);

    /// <summary>Creates the pod; an existing pod of that name is a <see cref="ApiConflictException"/>.</summary>
    Task<V1Pod> CreatePodAsync(V1Pod pod, CancellationToken cancellationToken);

    /// <summary>POSTs pods/binding; a pod already bound is a <see cref="ApiConflictException"/>.</summary>
    Task BindPodAsync(string namespaceName, string podName, string nodeName, CancellationToken cancellationToken);

    /// <summary>
    /// Deletes the pod at once (no grace period) if it is still the one with <paramref name="uid"/>;
    /// a pod already gone, or replaced by another of the same name, is not an error.
    /// </summary>
    Task DeletePodAsync(string namespaceName, string name, string uid, CancellationToken cancellationToken);

    /// <summary>
    /// Writes the whole status (a field left null is removed, so a requeued job loses its old
    /// placement) and returns the job as stored.
    /// </summary>
    Task<GpuJob> PatchJobStatusAsync(string namespaceName, string name, GpuJobStatus status, CancellationToken cancellationToken);

    /// <summary>
    /// Writes <paramref name="condition"/> as the only condition of a GpuJob the operator cannot read
    /// (a merge patch that needs no readable copy; the rest of its status is kept).
    /// </summary>
    Task FlagUnreadableJobAsync(UnreadableObject job, GpuJobCondition condition, CancellationToken cancellationToken);

    Task EmitEventAsync(JobEvent jobEvent, CancellationToken cancellationToken);

    /// <summary>The coordination.k8s.io Lease the leader elector holds.</summary>
    ILock LeaseLock(string namespaceName, string name, string identity);
}
