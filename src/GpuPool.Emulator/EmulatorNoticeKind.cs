namespace GpuPool.Emulator;

/// <summary>What happened to an emulated job.</summary>
public enum EmulatorNoticeKind
{
    /// <summary>The job joined its GPU.</summary>
    Started,

    /// <summary>Another tenth of the iterations completed, or the job's rate changed (a partner came or went).</summary>
    Progress,

    /// <summary>The last iteration completed; the job has left the GPU.</summary>
    Finished,

    /// <summary>The co-run model could not rate the job; it has left the GPU.</summary>
    Failed,
}
