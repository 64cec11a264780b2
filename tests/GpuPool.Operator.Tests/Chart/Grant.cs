namespace GpuPool.Operator.Tests.Chart;

/// <summary>One verb on one resource of one API group: the unit RBAC rules are compared in.</summary>
public sealed record Grant(string ApiGroup, string Resource, string Verb)
{
    public override string ToString() => $"{Verb} {(ApiGroup.Length == 0 ? "core" : ApiGroup)}/{Resource}";
}
