using GpuPool.Core.Contracts;
using GpuPool.DevicePlugin.Allocation;
using GpuPool.DevicePlugin.Devices;
using GpuPool.DevicePlugin.Kubelet.V1Beta1;
using Grpc.Core;
using Microsoft.Extensions.Logging;

namespace GpuPool.DevicePlugin.Kubelet;

/// <summary>The kubelet-facing gRPC service: advertises GPU slots and pins each pod to its GPU.</summary>
public sealed partial class DevicePluginService(
    DeviceInventory inventory,
    IPodAnnotationSource pods,
    AllocationClaims claims,
    ContainerAllocationBuilder builder,
    ILogger<DevicePluginService> logger) : V1Beta1.DevicePlugin.DevicePluginBase
{
    public static DevicePluginOptions Options { get; } = new() { PreStartRequired = false, GetPreferredAllocationAvailable = true };

    public override Task<DevicePluginOptions> GetDevicePluginOptions(Empty request, ServerCallContext context) => Task.FromResult(Options);

    public override async Task ListAndWatch(Empty request, IServerStreamWriter<ListAndWatchResponse> responseStream, ServerCallContext context)
    {
        ArgumentNullException.ThrowIfNull(responseStream);
        ArgumentNullException.ThrowIfNull(context);
        var cancellation = context.CancellationToken;
        while (!cancellation.IsCancellationRequested)
        {
            var (devices, version) = inventory.Snapshot();
            await responseStream.WriteAsync(ToResponse(devices), cancellation).ConfigureAwait(false);
            try
            {
                await inventory.WaitForChangeAsync(version, cancellation).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    /// <summary>Packs: slots of a GPU whose other slot is already taken come first, keeping whole GPUs free.</summary>
    public override Task<PreferredAllocationResponse> GetPreferredAllocation(PreferredAllocationRequest request, ServerCallContext context)
    {
        ArgumentNullException.ThrowIfNull(request);
        var response = new PreferredAllocationResponse();
        foreach (var container in request.ContainerRequests)
        {
            var available = container.AvailableDeviceIDs.ToHashSet(StringComparer.Ordinal);
            var halfUsed = inventory.Devices
                .Where(g => DeviceIds.For(g).Count(available.Contains) == 1)
                .SelectMany(DeviceIds.For)
                .ToHashSet(StringComparer.Ordinal);
            var chosen = container.MustIncludeDeviceIDs
                .Concat(container.AvailableDeviceIDs.OrderBy(id => halfUsed.Contains(id) ? 0 : 1).ThenBy(id => id, StringComparer.Ordinal))
                .Distinct(StringComparer.Ordinal)
                .Take(container.AllocationSize);
            response.ContainerResponses.Add(new ContainerPreferredAllocationResponse { DeviceIDs = { chosen } });
        }

        return Task.FromResult(response);
    }

    public override async Task<AllocateResponse> Allocate(AllocateRequest request, ServerCallContext context)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(context);
        var devices = inventory.Devices;
        var known = devices.SelectMany(DeviceIds.For).ToHashSet(StringComparer.Ordinal);
        var pending = await pods.ListPendingAsync(context.CancellationToken).ConfigureAwait(false);
        var response = new AllocateResponse();
        foreach (var container in request.ContainerRequests)
        {
            var unknown = container.DevicesIds.FirstOrDefault(id => !known.Contains(id));
            if (unknown is not null)
            {
                throw new RpcException(new Status(StatusCode.InvalidArgument, $"device '{unknown}' is not a {KubeletApi.ResourceName} slot of this node."));
            }

            // The pod the operator annotated is the one this container belongs to (see AllocationClaims).
            var pod = claims.Next(pending)
                ?? throw new RpcException(new Status(StatusCode.NotFound, $"no pending pod on this node carries annotation {PodAnnotations.GpuIndex} awaiting a GPU."));
            var allocation = PodAllocationValidator.Validate(pod, devices);
            claims.Record(pod);
            LogAllocated(pod, allocation.Gpu.Index, allocation.Gpu.Uuid, allocation.Share);
            response.ContainerResponses.Add(builder.Build(allocation));
        }

        return response;
    }

    public override Task<PreStartContainerResponse> PreStartContainer(PreStartContainerRequest request, ServerCallContext context) =>
        Task.FromResult(new PreStartContainerResponse());

    internal static ListAndWatchResponse ToResponse(IReadOnlyList<GpuDevice> devices)
    {
        var response = new ListAndWatchResponse();
        foreach (var gpu in devices)
        {
            var health = gpu.Healthy ? KubeletApi.Healthy : KubeletApi.Unhealthy;
            response.Devices.AddRange(DeviceIds.For(gpu).Select(id => new Device { ID = id, Health = health }));
        }

        return response;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Allocated pod {Pod} to GPU {Index} ({Uuid}) with share {Share}.")]
    private partial void LogAllocated(PendingPod pod, int index, string uuid, double share);
}
