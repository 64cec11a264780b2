using System.Collections.Concurrent;
using GpuPool.DevicePlugin.Allocation;
using k8s.Models;

namespace GpuPool.DevicePlugin.Tests.Support;

/// <summary>The API server as Allocate reads it: the pods put here and the GpuJobs that exist (namespace/name to uid).</summary>
public sealed class FakePlacementReader : IPlacementReader
{
    private readonly ConcurrentDictionary<string, V1Pod> _pods = new(StringComparer.Ordinal);

    public ConcurrentDictionary<string, string> JobUids { get; } = new(StringComparer.Ordinal);

    /// <summary>When set, every read fails with it (the API server is unreachable).</summary>
    public Exception? Failure { get; set; }

    public void Put(V1Pod pod)
    {
        ArgumentNullException.ThrowIfNull(pod);
        _pods[$"{pod.Metadata.NamespaceProperty}/{pod.Metadata.Name}"] = pod;
    }

    /// <summary>An operator pod waiting for <paramref name="units"/> of GPU <paramref name="gpuIndex"/>, with its GpuJob.</summary>
    public V1Pod Place(int gpuIndex, int units)
    {
        var pod = OperatorPods.Sealed($"job-{Guid.NewGuid().ToString("N")[..8]}", gpuIndex, units);
        JobUids[$"{pod.Metadata.NamespaceProperty}/{pod.Metadata.OwnerReferences[0].Name}"] = pod.Metadata.OwnerReferences[0].Uid;
        Put(pod);
        return pod;
    }

    public void Clear()
    {
        _pods.Clear();
        JobUids.Clear();
        Failure = null;
    }

    public Task<IReadOnlyList<V1Pod>> PodsOnNodeAsync(string nodeName, CancellationToken cancellationToken) =>
        Failure is { } failure
            ? Task.FromException<IReadOnlyList<V1Pod>>(failure)
            : Task.FromResult<IReadOnlyList<V1Pod>>([.. _pods.Values.Where(p => p.Spec?.NodeName == nodeName)]);

    public Task<string?> JobUidAsync(string namespaceName, string name, CancellationToken cancellationToken) =>
        Task.FromResult(JobUids.GetValueOrDefault($"{namespaceName}/{name}"));
}
