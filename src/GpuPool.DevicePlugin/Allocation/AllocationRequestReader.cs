using GpuPool.DevicePlugin.Devices;
using GpuPool.DevicePlugin.Kubelet;
using Grpc.Core;

namespace GpuPool.DevicePlugin.Allocation;

/// <summary>
/// Reads one container's Allocate request on a GPU's resource: the GPU must be on this node and
/// healthy (FailedPrecondition otherwise), and every device ID one of its devices, each at most once
/// (InvalidArgument naming the IDs otherwise). Pure: the kubelet's request and the inventory are all
/// it reads.
/// </summary>
public static class AllocationRequestReader
{
    public static GpuAllocation Read(int gpuIndex, string resourceName, IReadOnlyList<GpuDevice> devices, IReadOnlyList<string> deviceIds)
    {
        ArgumentNullException.ThrowIfNull(devices);
        ArgumentNullException.ThrowIfNull(deviceIds);
        var gpu = devices.FirstOrDefault(d => d.Index == gpuIndex)
            ?? throw Refuse(StatusCode.FailedPrecondition, $"{resourceName}: GPU {gpuIndex} is not on this node (it has {devices.Count}).");
        if (!gpu.Healthy)
        {
            throw Refuse(StatusCode.FailedPrecondition, $"{resourceName}: GPU {gpuIndex} ({gpu.Uuid}) is unhealthy.");
        }

        if (deviceIds.Count == 0)
        {
            throw Refuse(StatusCode.InvalidArgument, $"{resourceName}: the request names no device.");
        }

        var own = DeviceIds.For(gpu).ToHashSet(StringComparer.Ordinal);
        var foreign = deviceIds.Where(id => !own.Contains(id)).Distinct(StringComparer.Ordinal).ToList();
        if (foreign.Count > 0)
        {
            throw Refuse(StatusCode.InvalidArgument, $"{resourceName}: device(s) {string.Join(", ", foreign)} are not devices of GPU {gpuIndex} ({gpu.Uuid}).");
        }

        var repeated = deviceIds.GroupBy(id => id, StringComparer.Ordinal).Where(g => g.Count() > 1).Select(g => g.Key).ToList();
        if (repeated.Count > 0)
        {
            throw Refuse(StatusCode.InvalidArgument, $"{resourceName}: device(s) {string.Join(", ", repeated)} are requested more than once.");
        }

        return new GpuAllocation(gpu, deviceIds.Count);
    }

    private static RpcException Refuse(StatusCode code, string message) => new(new Status(code, message));
}
