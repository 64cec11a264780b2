using GpuPool.Operator.Kubernetes;

namespace GpuPool.Operator.Tests.Chart;

/// <summary>What the operator's API calls need (its <see cref="ApiPermissions"/> table), as sorted grants.</summary>
public static class OperatorApiPermissions
{
    public static IReadOnlyList<string> Expected { get; } = ApiPermissions.All
        .SelectMany(p => p.Verbs.Select(v => new Grant(p.ApiGroup, p.Resource, v).ToString()))
        .Distinct()
        .Order(StringComparer.Ordinal)
        .ToList();
}
