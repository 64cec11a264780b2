using GpuPool.Core.Contracts;
namespace GpuPool.DevicePlugin.Allocation;

/// <summary>Pending pods on this node that carry <see cref="PodAnnotations.GpuIndex"/>.</summary>
public interface IPodAnnotationSource
{
    Task<IReadOnlyList<PendingPod>> ListPendingAsync(CancellationToken cancellationToken);
}
