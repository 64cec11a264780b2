namespace GpuPool.Operator.Tests.Chart;

/// <summary>
/// What the operator's API calls need, as sorted grants. Source: the cross-component contract's
/// RBAC list (the operator's ApiPermissions table is not on this branch yet).
/// </summary>
public static class OperatorApiPermissions
{
    public static IReadOnlyList<string> Expected { get; } = new[]
        {
            new Grant("gpupool.io", "gpujobs", "get"), new Grant("gpupool.io", "gpujobs", "list"), new Grant("gpupool.io", "gpujobs", "watch"),
            new Grant("gpupool.io", "gpujobs/status", "patch"),
            new Grant("gpupool.io", "gpuprofiles", "get"), new Grant("gpupool.io", "gpuprofiles", "list"), new Grant("gpupool.io", "gpuprofiles", "watch"),
            new Grant(string.Empty, "pods", "get"), new Grant(string.Empty, "pods", "list"), new Grant(string.Empty, "pods", "watch"), new Grant(string.Empty, "pods", "create"),
            new Grant(string.Empty, "pods/binding", "create"),
            new Grant(string.Empty, "nodes", "get"), new Grant(string.Empty, "nodes", "list"), new Grant(string.Empty, "nodes", "watch"),
            new Grant(string.Empty, "events", "create"),
            new Grant("coordination.k8s.io", "leases", "get"), new Grant("coordination.k8s.io", "leases", "create"), new Grant("coordination.k8s.io", "leases", "update"),
        }
        .Select(g => g.ToString())
        .Order(StringComparer.Ordinal)
        .ToList();
}
