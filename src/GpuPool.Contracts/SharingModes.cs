namespace GpuPool.Contracts;

/// <summary>
/// The values of the <see cref="PodAnnotations.SharingMode"/> annotation (and of the
/// GPUPOOL_SHARING_MODE env a pod maps from it). A restarted operator reads them back to give a
/// refilled GPU's new partner the complementary share, so they are a stored format, not a display.
/// </summary>
public static class SharingModes
{
    /// <summary>The job has the whole GPU.</summary>
    public const string Exclusive = "exclusive";

    /// <summary>Each SM is shared, the job getting the <see cref="PodAnnotations.Share"/> of it (MPS active threads).</summary>
    public const string Fine = "fine";

    /// <summary>The SMs are split, the job getting the <see cref="PodAnnotations.Share"/> of them.</summary>
    public const string Partitioned = "partitioned";
}
