using GpuPool.Operator.Resources;
using k8s.Models;

namespace GpuPool.Operator.Watching;

/// <summary>The four watch caches the scheduling window snapshots.</summary>
public sealed class ClusterCache
{
    public ResourceStore<GpuJob> Jobs { get; } = new();

    public ResourceStore<GpuProfile> Profiles { get; } = new();

    public ResourceStore<V1Node> Nodes { get; } = new();

    public ResourceStore<V1Pod> Pods { get; } = new();
}
