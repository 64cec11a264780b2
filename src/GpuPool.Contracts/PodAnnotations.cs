namespace GpuPool.Contracts;

/// <summary>
/// The pod annotations the operator writes before binding: its durable record of a decision (which
/// GPU, with whom, which setting) and, mapped into the container's env by the pod itself, the
/// informational values sim-run and the workload read. The device plugin reads none of them: the GPU
/// and the share travel as the pod's <see cref="GpuResources"/> limit. All values are strings.
/// </summary>
public static class PodAnnotations
{
    public const string GpuIndex = "gpupool.io/gpu-index";
    public const string GpuUuid = "gpupool.io/gpu-uuid";
    public const string Partner = "gpupool.io/partner";
    public const string SharingMode = "gpupool.io/sharing-mode";
    public const string Share = "gpupool.io/share";
    public const string MpsActiveThreadPercentage = "gpupool.io/mps-active-thread-percentage";
    public const string GpuMemoryMiB = "gpupool.io/gpu-memory-mib";
    public const string PredictedNp = "gpupool.io/predicted-np";
    public const string Workload = "gpupool.io/workload";

    /// <summary>
    /// Operator-only addition: the node the pod is to be bound to. It makes the pod the durable
    /// record of the decision, so a restart between create and bind can finish the bind.
    /// </summary>
    public const string Node = "gpupool.io/node";

    /// <summary>Operator-only addition: the setting as shown in status (e.g. "share 0.5/0.5").</summary>
    public const string Setting = "gpupool.io/setting";
}
