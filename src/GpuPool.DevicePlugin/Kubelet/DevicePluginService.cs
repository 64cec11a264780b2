using GpuPool.DevicePlugin.Allocation;
using GpuPool.DevicePlugin.Devices;
using GpuPool.DevicePlugin.Kubelet.V1Beta1;
using GpuPool.DevicePlugin.Telemetry;
using Grpc.Core;
using Microsoft.Extensions.Logging;

namespace GpuPool.DevicePlugin.Kubelet;

/// <summary>
/// The kubelet-facing gRPC service of one GPU's resource: advertises its per-percent devices and
/// answers Allocate from the request (this resource is the GPU, the number of devices the share),
/// so the answer never depends on when a pod asks or what this process remembers; it answers only
/// when the pods the call can be for are the operator's (<see cref="PlacementGuard"/>).
/// </summary>
public sealed partial class DevicePluginService(
    int gpuIndex,
    string resourceName,
    DeviceInventory inventory,
    ContainerAllocationBuilder builder,
    PlacementGuard guard,
    DevicePluginMetrics metrics,
    ILogger<DevicePluginService> logger) : V1Beta1.DevicePlugin.DevicePluginBase
{
    private readonly string _gpuLabel = gpuIndex.ToString(System.Globalization.CultureInfo.InvariantCulture);

    // One GPU per resource leaves nothing to steer between GPUs, so the kubelet's own pick stands.
    public static DevicePluginOptions Options { get; } = new() { PreStartRequired = false, GetPreferredAllocationAvailable = false };

    public int GpuIndex => gpuIndex;

    public string ResourceName => resourceName;

    public override Task<DevicePluginOptions> GetDevicePluginOptions(Empty request, ServerCallContext context) => Task.FromResult(Options);

    public override async Task ListAndWatch(Empty request, IServerStreamWriter<ListAndWatchResponse> responseStream, ServerCallContext context)
    {
        ArgumentNullException.ThrowIfNull(responseStream);
        ArgumentNullException.ThrowIfNull(context);
        var cancellation = context.CancellationToken;
        while (!cancellation.IsCancellationRequested)
        {
            var (devices, version) = inventory.Snapshot();
            await responseStream.WriteAsync(ToResponse(devices.Where(d => d.Index == gpuIndex)), cancellation).ConfigureAwait(false);
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

    public override async Task<AllocateResponse> Allocate(AllocateRequest request, ServerCallContext context)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(context);
        var devices = inventory.Devices;
        var response = new AllocateResponse();
        foreach (var container in request.ContainerRequests)
        {
            GpuAllocation allocation;
            try
            {
                allocation = AllocationRequestReader.Read(gpuIndex, resourceName, devices, container.DevicesIds);
                await guard.AuthorizeAsync(gpuIndex, resourceName, allocation.Units, context.CancellationToken).ConfigureAwait(false);
            }
            catch (RpcException e)
            {
                metrics.AllocateErrors.Inc();
                LogRefused(resourceName, e.Status.Detail);
                throw;
            }

            LogAllocated(allocation.Gpu.Index, allocation.Gpu.Uuid, allocation.Units);
            metrics.Allocations.WithLabels(_gpuLabel).Inc();
            metrics.AllocatedUnits.WithLabels(_gpuLabel).Inc(allocation.Units);
            response.ContainerResponses.Add(builder.Build(allocation));
        }

        return response;
    }

    public override Task<PreStartContainerResponse> PreStartContainer(PreStartContainerRequest request, ServerCallContext context) =>
        Task.FromResult(new PreStartContainerResponse());

    /// <summary>A GPU's health is that of each of its devices.</summary>
    internal static ListAndWatchResponse ToResponse(IEnumerable<GpuDevice> devices)
    {
        var response = new ListAndWatchResponse();
        foreach (var gpu in devices)
        {
            var health = gpu.Healthy ? KubeletApi.Healthy : KubeletApi.Unhealthy;
            response.Devices.AddRange(DeviceIds.For(gpu).Select(id => new Device { ID = id, Health = health }));
        }

        return response;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Allocate on {Resource} refused: {Reason}")]
    private partial void LogRefused(string resource, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Allocated GPU {Index} ({Uuid}) with {Units} percent.")]
    private partial void LogAllocated(int index, string uuid, int units);
}
