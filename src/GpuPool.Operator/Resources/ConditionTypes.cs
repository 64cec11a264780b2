namespace GpuPool.Operator.Resources;

/// <summary>The condition types a GpuJob carries.</summary>
public static class ConditionTypes
{
    /// <summary>True once the job's pod is bound to a GPU; False while it waits.</summary>
    public const string Scheduled = "Scheduled";

    /// <summary>True while spec.profileRef names no GpuProfile: the job is never paired, it runs alone.</summary>
    public const string ProfileMissing = "ProfileMissing";

    /// <summary>True when the spec is wrong in a way the schema cannot say; not retried until the generation changes.</summary>
    public const string Invalid = "Invalid";

    /// <summary>True while the API server refuses the job's status patch; the rest of the status is the last one it accepted.</summary>
    public const string StatusRejected = "StatusRejected";

    /// <summary>True once the pod finished (reason Succeeded or Failed).</summary>
    public const string Completed = "Completed";
}
