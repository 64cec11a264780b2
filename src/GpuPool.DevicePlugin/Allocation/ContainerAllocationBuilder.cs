using System.Globalization;
using GpuPool.Contracts;
using GpuPool.DevicePlugin.Mps;
using GpuPool.DevicePlugin.Options;
using Microsoft.Extensions.Options;
using ContainerAllocateResponse = GpuPool.DevicePlugin.Kubelet.V1Beta1.ContainerAllocateResponse;
using Mount = GpuPool.DevicePlugin.Kubelet.V1Beta1.Mount;

namespace GpuPool.DevicePlugin.Allocation;

/// <summary>
/// What the runtime adds to a container for an allocation: environment and mounts (the emulator's
/// socket folder, or the MPS daemon's pipes and shared memory), a pure function of the mode, the GPU
/// and the number of its devices (the partner, prediction and mode reach the container
/// through the pod's own env, from its annotations).
/// </summary>
public sealed class ContainerAllocationBuilder(IOptions<DevicePluginOptions> options)
{
    /// <summary>Where a real job container finds the MPS server's shared memory.</summary>
    public const string ContainerShm = "/dev/shm";

    public ContainerAllocateResponse Build(GpuAllocation allocation)
    {
        ArgumentNullException.ThrowIfNull(allocation);
        var uuid = allocation.Gpu.Uuid;
        var response = new ContainerAllocateResponse();
        var envs = response.Envs;
        envs["CUDA_VISIBLE_DEVICES"] = uuid;
        envs["CUDA_MPS_ACTIVE_THREAD_PERCENTAGE"] = Invariant(allocation.Units);
        envs["CUDA_MPS_PINNED_DEVICE_MEM_LIMIT"] = $"{uuid}={Invariant(MemoryLimit(allocation))}M";
        envs[ContainerEnv.GpuUuid] = uuid;
        envs[ContainerEnv.GpuIndex] = Invariant(allocation.Gpu.Index);
        envs[ContainerEnv.Share] = allocation.Share.ToString("R", CultureInfo.InvariantCulture);
        if (options.Value.IsSimulated)
        {
            envs[ContainerEnv.EmulatorSocket] = options.Value.EmulatorSocket;
            // The emulator socket's own folder, at the same path so the env value holds inside. The
            // folder, not the socket file: a restarted plugin makes a new socket, which a mount of the
            // old file would not show. Read-only: connect() needs write access to the socket (0660,
            // its group), which a read-only mount does not take away, and none to the folder.
            var socketDirectory = Path.GetDirectoryName(options.Value.EmulatorSocket)!;
            response.Mounts.Add(new Mount { HostPath = socketDirectory, ContainerPath = socketDirectory, ReadOnly = true });
        }
        else
        {
            // The NVIDIA container runtime exposes exactly this GPU's device nodes to the container.
            envs["NVIDIA_VISIBLE_DEVICES"] = uuid;

            // MPS: the CUDA driver finds the node's control daemon through the pipe folder, and its
            // server shares memory with the client through the daemon's /dev/shm (a pod's own is
            // private). Both read-write, as MPS clients are usually given them: whether a client
            // ever creates a file there is not checked on a GPU yet. The log folder is the daemon's alone.
            var pipe = MpsPaths.Pipe(options.Value.MpsDirectory);
            envs["CUDA_MPS_PIPE_DIRECTORY"] = pipe;
            response.Mounts.Add(new Mount { HostPath = pipe, ContainerPath = pipe, ReadOnly = false });
            response.Mounts.Add(new Mount { HostPath = MpsPaths.Shm(options.Value.MpsDirectory), ContainerPath = ContainerShm, ReadOnly = false });
        }

        return response;
    }

    // The same fraction of the memory as of the SMs: the kubelet's request carries nothing else.
    private static long MemoryLimit(GpuAllocation allocation) =>
        allocation.Gpu.MemoryMiB * allocation.Units / GpuResources.UnitsPerGpu;

    private static string Invariant(long value) => value.ToString(CultureInfo.InvariantCulture);
}
