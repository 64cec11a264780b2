namespace GpuPool.Operator.Resources;

/// <summary>Every reason the operator writes into a condition (and into Events).</summary>
public static class ConditionReasons
{
    /// <summary>Scheduled=True: the job shares its GPU with a partner.</summary>
    public const string Paired = "Paired";

    /// <summary>Scheduled=True: the job has its GPU to itself.</summary>
    public const string Alone = "Alone";

    /// <summary>Scheduled=False: no GPU (or no safe partner slot) was free in the last window.</summary>
    public const string WaitingForGpu = "WaitingForGpu";

    /// <summary>Scheduled=False: every node with a free GPU slot is not Ready (the kubelet would not run the pod).</summary>
    public const string NodeNotReady = "NodeNotReady";

    /// <summary>Scheduled=False: the free GPU slots are on nodes whose GPU inventory is stale (device plugin gone, status not reported).</summary>
    public const string InventoryStale = "InventoryStale";

    /// <summary>Scheduled=False: the nodes with a free GPU slot carry a NoSchedule/NoExecute taint the pod template does not tolerate.</summary>
    public const string Taint = "Taint";

    /// <summary>Scheduled=False: the nodes with a free GPU slot lack the CPU the pod requests.</summary>
    public const string InsufficientCpu = "InsufficientCpu";

    /// <summary>Scheduled=False: the nodes with a free GPU slot lack the memory the pod requests.</summary>
    public const string InsufficientMemory = "InsufficientMemory";

    /// <summary>Scheduled=False: spec.profileRef names no GpuProfile; no pod is made until it exists.</summary>
    public const string ProfileMissing = "ProfileMissing";

    /// <summary>Scheduled=False: the node refused the job's pod before it ran; the job is queued again.</summary>
    public const string NodeRefused = "NodeRefused";

    /// <summary>
    /// Scheduled=False: the API server refused the job's pod (400/403/422, e.g. a label value over 63
    /// characters, an invalid container name, a namespace's Pod Security level); the message carries
    /// the API's reason and message. The job waits for a new generation or the longest requeue backoff.
    /// </summary>
    public const string PodRejected = "PodRejected";

    /// <summary>
    /// Scheduled=False: the API server refused the bind of the job's pod (400/403/422, e.g. RBAC
    /// forbids pods/binding in its namespace); the pod was deleted, so it is never bound later, and
    /// the job waits like <see cref="PodRejected"/>.
    /// </summary>
    public const string BindRejected = "BindRejected";

    /// <summary>
    /// StatusRejected=True: the API server refused the job's last status patch (e.g. a value its
    /// schema does not accept); the status shows the last write it took, and the condition goes
    /// once a patch is accepted.
    /// </summary>
    public const string StatusPatchRefused = "StatusPatchRefused";

    /// <summary>Scheduled=False: a pod with the job's deterministic name exists but is not owned by the job.</summary>
    public const string PodNameTaken = "PodNameTaken";

    /// <summary>ProfileMissing=True: spec.profileRef names no GpuProfile in the namespace.</summary>
    public const string ProfileNotFound = "ProfileNotFound";

    /// <summary>ProfileMissing=False: the profile appeared before the job was scheduled.</summary>
    public const string ProfileFound = "ProfileFound";

    /// <summary>Invalid=True: both or neither of spec.profileRef and spec.kernels are given.</summary>
    public const string KernelSourceAmbiguous = "KernelSourceAmbiguous";

    /// <summary>Invalid=True: the kernels (inline or from the profile) break a rule (duplicate id, bad geometry, empty).</summary>
    public const string InvalidKernels = "InvalidKernels";

    /// <summary>Invalid=True: spec.template has no containers.</summary>
    public const string InvalidTemplate = "InvalidTemplate";

    /// <summary>Invalid=True: a spec number is out of range (only reachable when the schema was bypassed).</summary>
    public const string InvalidSpec = "InvalidSpec";

    /// <summary>
    /// Invalid=True: the operator cannot read the object into its model (for example an integer wider
    /// than 32 bits stored before the schema bounded it); it is skipped until fixed.
    /// </summary>
    public const string Unreadable = "Unreadable";

    /// <summary>Invalid=False: a new generation of the spec passed the checks.</summary>
    public const string SpecValid = "SpecValid";

    /// <summary>Completed=True: the pod succeeded.</summary>
    public const string Succeeded = "Succeeded";

    /// <summary>Completed=True: the pod failed.</summary>
    public const string Failed = "Failed";
}
