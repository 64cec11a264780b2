using GpuPool.Core.Gpus;
using GpuPool.DevicePlugin.Options;
using GpuPool.Operator.Scheduling;
using Grpc.Core;
using k8s.Models;
using Microsoft.Extensions.Options;

namespace GpuPool.DevicePlugin.Allocation;

/// <summary>
/// Serves only pods the operator placed. The kubelet's request names no pod, so the pods it can be
/// for are those bound to this node, not started, asking for exactly these units of this GPU; each
/// must be the operator's: a GpuJob controller that exists with that uid, and a placement seal that
/// verifies under the shared key (nobody else can write one, and it covers the pod's GPU units).
/// Any other pod among them refuses the call, so a hand-written pod never gets a GPU or a share;
/// pods asking for other GPUs or amounts, however malformed, play no part.
/// </summary>
public sealed class PlacementGuard(IPlacementReader reader, IOptions<DevicePluginOptions> options)
{
    private readonly PlacementSeal _seal = new(options.Value.PlacementKey, options.Value.ResourcePrefix, options.Value.PreviousPlacementKey);

    public async Task AuthorizeAsync(int gpuIndex, string resourceName, int units, CancellationToken cancellationToken)
    {
        var node = options.Value.NodeName;
        IReadOnlyList<V1Pod> pods;
        try
        {
            pods = await reader.PodsOnNodeAsync(node, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            throw Refuse(StatusCode.Unavailable, $"{resourceName}: the pods of node {node} cannot be read from the API server ({e.Message}).");
        }

        var gpu = new GpuId(node, gpuIndex);
        var waiting = pods.Where(p => p.Spec?.NodeName == node && IsWaiting(p) && PodGpuRequests.Of(p, options.Value.ResourcePrefix).GetValueOrDefault(gpu) == units).ToList();
        if (waiting.Count == 0)
        {
            throw Refuse(StatusCode.PermissionDenied, $"{resourceName}: no pod bound to node {node} waits for {units} units of it.");
        }

        var foreign = new List<string>();
        foreach (var pod in waiting)
        {
            if (!await IsOperatorsAsync(pod, cancellationToken).ConfigureAwait(false))
            {
                foreign.Add($"{pod.Metadata.NamespaceProperty}/{pod.Metadata.Name}");
            }
        }

        if (foreign.Count > 0)
        {
            throw Refuse(
                StatusCode.PermissionDenied,
                $"{resourceName}: pod(s) {string.Join(", ", foreign)} ask for {units} units of it without a placement of the GpuPool operator (a GpuJob owner that exists and a seal under GpuPool:DevicePlugin:PlacementKey); GPUs are given only to the operator's pods.");
        }
    }

    // Not ended and not yet started: a pod the kubelet is admitting has no container status.
    private static bool IsWaiting(V1Pod pod) =>
        pod.Metadata?.DeletionTimestamp is null
        && pod.Status?.Phase is null or "Pending"
        && pod.Status?.ContainerStatuses?.Any(c => c.State?.Running is not null || c.State?.Terminated is not null) != true;

    private async Task<bool> IsOperatorsAsync(V1Pod pod, CancellationToken cancellationToken)
    {
        var owner = pod.Metadata.OwnerReferences?.SingleOrDefault(o => o.Controller == true);
        if (owner is null || !PlacementSeal.IsJobOwner(owner) || !_seal.Verifies(pod))
        {
            return false;
        }

        try
        {
            return await reader.JobUidAsync(pod.Metadata.NamespaceProperty, owner.Name, cancellationToken).ConfigureAwait(false) == owner.Uid;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            throw Refuse(StatusCode.Unavailable, $"GpuJob {pod.Metadata.NamespaceProperty}/{owner.Name} cannot be read from the API server ({e.Message}).");
        }
    }

    private static RpcException Refuse(StatusCode code, string message) => new(new Status(code, message));
}
