namespace GpuPool.DevicePlugin.Allocation;

/// <summary>
/// A pending pod bound to this node that carries GpuPool annotations: what Allocate matches a
/// kubelet request against. <see cref="GpuRequests"/> counts the containers' gpupool.io/gpu limits.
/// </summary>
public sealed record PendingPod(
    string Namespace,
    string Name,
    string Uid,
    DateTimeOffset CreatedAt,
    IReadOnlyDictionary<string, string> Annotations,
    int GpuRequests)
{
    public override string ToString() => $"{Namespace}/{Name}";
}
