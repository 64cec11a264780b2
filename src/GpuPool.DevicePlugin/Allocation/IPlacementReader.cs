using k8s.Models;

namespace GpuPool.DevicePlugin.Allocation;

/// <summary>What Allocate reads from the API server to tell whose pod a call is for.</summary>
public interface IPlacementReader
{
    /// <summary>Every pod bound to <paramref name="nodeName"/> (spec.nodeName), in any namespace.</summary>
    Task<IReadOnlyList<V1Pod>> PodsOnNodeAsync(string nodeName, CancellationToken cancellationToken);

    /// <summary>The uid of GpuJob <paramref name="namespaceName"/>/<paramref name="name"/>, or null when there is none.</summary>
    Task<string?> JobUidAsync(string namespaceName, string name, CancellationToken cancellationToken);
}
