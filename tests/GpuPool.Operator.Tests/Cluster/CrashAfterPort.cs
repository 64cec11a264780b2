using GpuPool.Operator.Ports;
using GpuPool.Operator.Resources;
using GpuPool.Operator.Tests.Fakes;
using k8s.LeaderElection;
using k8s.Models;

namespace GpuPool.Operator.Tests.Cluster;

/// <summary>Passes every call to the real adapter, and "crashes" right after the first successful write of one kind.</summary>
public sealed class CrashAfterPort(IClusterPort inner, FakeOperation crashAfter) : IClusterPort
{
    private bool _crashed;

    public IResourceFeed<GpuJob> Jobs(string? namespaceName) => inner.Jobs(namespaceName);

    public IResourceFeed<GpuProfile> Profiles(string? namespaceName) => inner.Profiles(namespaceName);

    public IResourceFeed<V1Node> Nodes() => inner.Nodes();

    public IResourceFeed<V1Pod> Pods(string? namespaceName) => inner.Pods(namespaceName);

    public Task<V1Pod?> GetPodAsync(string namespaceName, string name, CancellationToken cancellationToken) => inner.GetPodAsync(namespaceName, name, cancellationToken);

    public async Task<V1Pod> CreatePodAsync(V1Pod pod, CancellationToken cancellationToken)
    {
        var created = await inner.CreatePodAsync(pod, cancellationToken);
        Crash(FakeOperation.CreatePod);
        return created;
    }

    public async Task BindPodAsync(string namespaceName, string podName, string nodeName, CancellationToken cancellationToken)
    {
        await inner.BindPodAsync(namespaceName, podName, nodeName, cancellationToken);
        Crash(FakeOperation.BindPod);
    }

    public async Task DeletePodAsync(string namespaceName, string name, string uid, CancellationToken cancellationToken)
    {
        await inner.DeletePodAsync(namespaceName, name, uid, cancellationToken);
        Crash(FakeOperation.DeletePod);
    }

    public async Task<GpuJob> PatchJobStatusAsync(string namespaceName, string name, GpuJobStatus status, CancellationToken cancellationToken)
    {
        var patched = await inner.PatchJobStatusAsync(namespaceName, name, status, cancellationToken);
        Crash(FakeOperation.PatchStatus);
        return patched;
    }

    public Task FlagUnreadableJobAsync(UnreadableObject job, GpuJobCondition condition, CancellationToken cancellationToken) =>
        inner.FlagUnreadableJobAsync(job, condition, cancellationToken);

    public Task EmitEventAsync(JobEvent jobEvent, CancellationToken cancellationToken) => inner.EmitEventAsync(jobEvent, cancellationToken);

    public ILock LeaseLock(string namespaceName, string name, string identity) => inner.LeaseLock(namespaceName, name, identity);

    private void Crash(FakeOperation operation)
    {
        if (operation == crashAfter && !_crashed)
        {
            _crashed = true;
            throw new SimulatedCrashException($"crashed right after {operation}");
        }
    }
}
