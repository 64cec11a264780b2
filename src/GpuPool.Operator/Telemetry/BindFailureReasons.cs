namespace GpuPool.Operator.Telemetry;

/// <summary>The fixed label values of gpupool_bind_failures_total{reason}.</summary>
public static class BindFailureReasons
{
    /// <summary>Creating the pod failed after retries; nothing was written, the job is requeued.</summary>
    public const string CreatePod = "create_pod";

    /// <summary>Binding failed after retries; the pod keeps the decision and the next window binds it.</summary>
    public const string Bind = "bind";

    /// <summary>Writing status failed after retries; the next window rewrites it from the pod.</summary>
    public const string Status = "status";

    /// <summary>Deleting a pod the node refused failed after retries; the next window tries again.</summary>
    public const string Requeue = "requeue";

    /// <summary>The API server refused the pod (400/403/422): never retried as is, the job is marked PodRejected.</summary>
    public const string CreateRefused = "create_refused";

    /// <summary>The API server refused the bind (400/403/422): the pod is deleted, the job is marked BindRejected.</summary>
    public const string BindRefused = "bind_refused";

    /// <summary>The API server refused the status patch (400/403/422): the job is marked StatusRejected.</summary>
    public const string StatusRefused = "status_refused";

    /// <summary>A pod of the job's name exists and belongs to something else.</summary>
    public const string PodNameTaken = "pod_name_taken";

    /// <summary>Every reason, so each series exists (at 0) before its first failure.</summary>
    public static IReadOnlyList<string> All { get; } = [CreatePod, CreateRefused, Bind, BindRefused, Status, StatusRefused, Requeue, PodNameTaken];
}
