namespace GpuPool.Contracts;

/// <summary>
/// The environment a GPU container is given. The device plugin sets the GPU, share and emulator
/// values at allocation; the pod maps the others from its own annotations (downward API), so the
/// plugin never reads the pod for them. sim-run reads them.
/// </summary>
public static class ContainerEnv
{
    /// <summary>Set by the device plugin: the allocated GPU's UUID.</summary>
    public const string GpuUuid = "GPUPOOL_GPU_UUID";

    /// <summary>Set by the device plugin: the allocated GPU's index on the node.</summary>
    public const string GpuIndex = "GPUPOOL_GPU_INDEX";

    /// <summary>Set by the device plugin: the container's share of the GPU, units / <see cref="GpuResources.UnitsPerGpu"/>.</summary>
    public const string Share = "GPUPOOL_SHARE";

    /// <summary>Set by the device plugin in simulated mode: the emulator's unix socket, mounted at that path.</summary>
    public const string EmulatorSocket = "GPUPOOL_EMULATOR_SOCKET";

    /// <summary>Mapped by the GpuJob's template from <see cref="PodAnnotations.Workload"/>.</summary>
    public const string Workload = "GPUPOOL_WORKLOAD";

    /// <summary>Added by the operator, from <see cref="PodAnnotations.SharingMode"/>.</summary>
    public const string SharingMode = "GPUPOOL_SHARING_MODE";

    /// <summary>Added by the operator, from <see cref="PodAnnotations.Partner"/>.</summary>
    public const string Partner = "GPUPOOL_PARTNER";

    /// <summary>Added by the operator, from <see cref="PodAnnotations.PredictedNp"/>.</summary>
    public const string PredictedNp = "GPUPOOL_PREDICTED_NP";
}
