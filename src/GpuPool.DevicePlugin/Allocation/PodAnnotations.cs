namespace GpuPool.DevicePlugin.Allocation;

/// <summary>The annotations the operator writes on a pod before binding it (shared contract).</summary>
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
}
