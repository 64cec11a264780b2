namespace GpuPool.Operator.Kubernetes;

/// <summary>One RBAC rule the operator needs: API group, resource and verbs.</summary>
public sealed record ApiPermission(string ApiGroup, string Resource, IReadOnlyList<string> Verbs)
{
    /// <summary>"verb group/resource", as a log line or a failed call names it.</summary>
    public string Describe(string verb) => $"{verb} {(ApiGroup.Length == 0 ? "core" : ApiGroup)}/{Resource}";
}
