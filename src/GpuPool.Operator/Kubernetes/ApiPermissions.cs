namespace GpuPool.Operator.Kubernetes;

/// <summary>
/// The operator's whole RBAC surface. Every call of <see cref="KubernetesClusterPort"/> names its
/// entry here, and the chart's ClusterRole is checked against <see cref="All"/>.
/// </summary>
public static class ApiPermissions
{
    public static ApiPermission GpuJobs { get; } = new("gpupool.io", "gpujobs", ["get", "list", "watch"]);

    public static ApiPermission GpuJobStatus { get; } = new("gpupool.io", "gpujobs/status", ["patch"]);

    public static ApiPermission GpuProfiles { get; } = new("gpupool.io", "gpuprofiles", ["get", "list", "watch"]);

    public static ApiPermission Pods { get; } = new(string.Empty, "pods", ["get", "list", "watch", "create", "delete"]);

    public static ApiPermission PodBindings { get; } = new(string.Empty, "pods/binding", ["create"]);

    public static ApiPermission Nodes { get; } = new(string.Empty, "nodes", ["get", "list", "watch"]);

    public static ApiPermission Events { get; } = new(string.Empty, "events", ["create"]);

    public static ApiPermission Leases { get; } = new("coordination.k8s.io", "leases", ["get", "create", "update"]);

    public static IReadOnlyList<ApiPermission> All { get; } =
        [GpuJobs, GpuJobStatus, GpuProfiles, Pods, PodBindings, Nodes, Events, Leases];
}
