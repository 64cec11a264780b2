using System.Globalization;
using GpuPool.DevicePlugin.Options;
using Microsoft.Extensions.Options;
using ContainerAllocateResponse = GpuPool.DevicePlugin.Kubelet.V1Beta1.ContainerAllocateResponse;
using Mount = GpuPool.DevicePlugin.Kubelet.V1Beta1.Mount;

namespace GpuPool.DevicePlugin.Allocation;

/// <summary>What the runtime adds to a container for a validated allocation: environment and mounts.</summary>
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
        envs["CUDA_MPS_ACTIVE_THREAD_PERCENTAGE"] = Invariant(allocation.MpsActiveThreadPercentage);
        envs["CUDA_MPS_PINNED_DEVICE_MEM_LIMIT"] = $"{uuid}={Invariant(MemoryLimit(allocation))}M";
        envs["GPUPOOL_GPU_UUID"] = uuid;
        envs["GPUPOOL_GPU_INDEX"] = Invariant(allocation.Gpu.Index);
        envs["GPUPOOL_SHARING_MODE"] = allocation.SharingMode;
        envs["GPUPOOL_SHARE"] = allocation.Share.ToString("R", CultureInfo.InvariantCulture);
        envs["GPUPOOL_PARTNER"] = allocation.Partner;
        envs["GPUPOOL_PREDICTED_NP"] = allocation.PredictedNp?.ToString("R", CultureInfo.InvariantCulture) ?? "";
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

    // "0" means the job stated no memory need: cap it at the whole GPU rather than at nothing.
    private static long MemoryLimit(GpuAllocation allocation) =>
        allocation.GpuMemoryMiB > 0 ? allocation.GpuMemoryMiB : allocation.Gpu.MemoryMiB;

    private static string Invariant(long value) => value.ToString(CultureInfo.InvariantCulture);
}
