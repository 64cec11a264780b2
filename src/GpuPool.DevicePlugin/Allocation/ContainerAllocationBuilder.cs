using System.Globalization;
using GpuPool.Core.Contracts;
using GpuPool.DevicePlugin.Options;
using Microsoft.Extensions.Options;
using ContainerAllocateResponse = GpuPool.DevicePlugin.Kubelet.V1Beta1.ContainerAllocateResponse;
using Mount = GpuPool.DevicePlugin.Kubelet.V1Beta1.Mount;

namespace GpuPool.DevicePlugin.Allocation;

/// <summary>
/// What the runtime adds to a container for an allocation: environment and mounts, a pure function of
/// the GPU and the number of its devices (the partner, prediction and mode reach the container
/// through the pod's own env, from its annotations).
/// </summary>
public sealed class ContainerAllocationBuilder(IOptions<DevicePluginOptions> options)
{
    /// <summary>Host directory shared with containers: MPS pipes and (by default) the emulator socket.</summary>
    public const string SharedHostDirectory = "/var/run/gpupool";

    public const string MpsPipeDirectory = SharedHostDirectory + "/mps";

    public ContainerAllocateResponse Build(GpuAllocation allocation)
    {
        ArgumentNullException.ThrowIfNull(allocation);
        var uuid = allocation.Gpu.Uuid;
        var response = new ContainerAllocateResponse();
        var envs = response.Envs;
        envs["CUDA_VISIBLE_DEVICES"] = uuid;
        envs["CUDA_MPS_PIPE_DIRECTORY"] = MpsPipeDirectory;
        envs["CUDA_MPS_ACTIVE_THREAD_PERCENTAGE"] = Invariant(allocation.Units);
        envs["CUDA_MPS_PINNED_DEVICE_MEM_LIMIT"] = $"{uuid}={Invariant(MemoryLimit(allocation))}M";
        envs["GPUPOOL_GPU_UUID"] = uuid;
        envs["GPUPOOL_GPU_INDEX"] = Invariant(allocation.Gpu.Index);
        envs["GPUPOOL_SHARE"] = allocation.Share.ToString("R", CultureInfo.InvariantCulture);
        if (options.Value.IsSimulated)
        {
            envs["GPUPOOL_EMULATOR_SOCKET"] = options.Value.EmulatorSocket;
            // The emulator socket's directory, mounted at the same path so the env value holds inside.
            var socketDirectory = Path.GetDirectoryName(options.Value.EmulatorSocket) ?? SharedHostDirectory;
            response.Mounts.Add(new Mount { HostPath = socketDirectory, ContainerPath = socketDirectory, ReadOnly = false });
        }
        else
        {
            // The NVIDIA container runtime exposes exactly this GPU's device nodes to the container.
            envs["NVIDIA_VISIBLE_DEVICES"] = uuid;
        }

        return response;
    }

    // The same fraction of the memory as of the SMs: the kubelet's request carries nothing else.
    private static long MemoryLimit(GpuAllocation allocation) =>
        allocation.Gpu.MemoryMiB * allocation.Units / GpuResources.UnitsPerGpu;

    private static string Invariant(long value) => value.ToString(CultureInfo.InvariantCulture);
}
