using GpuPool.DevicePlugin.Allocation;

namespace GpuPool.DevicePlugin.Tests.Support;

/// <summary>Pending pods as a test sets them.</summary>
public sealed class FakePodAnnotationSource : IPodAnnotationSource
{
    public IReadOnlyList<PendingPod> Pods { get; set; } = [];

    public Task<IReadOnlyList<PendingPod>> ListPendingAsync(CancellationToken cancellationToken) => Task.FromResult(Pods);
}
