using YamlDotNet.RepresentationModel;

namespace GpuPool.Operator.Tests.Chart;

/// <summary>Expands rendered Roles/ClusterRoles into sorted grants, and finds what a ServiceAccount is bound to.</summary>
public static class RbacGrants
{
    /// <summary>Every (group, resource, verb) the roles bound to the named ServiceAccount allow.</summary>
    public static IReadOnlyList<string> BoundTo(IReadOnlyList<RenderedObject> rendered, string serviceAccount)
    {
        var boundRoles = rendered
            .Where(o => o.Kind is "ClusterRoleBinding" or "RoleBinding")
            .Where(b => b.Sequence("subjects").OfType<YamlMappingNode>().Any(s =>
                Value(s, "kind") == "ServiceAccount" && Value(s, "name") == serviceAccount && Value(s, "namespace") == HelmChart.Namespace))
            .Select(b => (Kind: b.Scalar("roleRef", "kind"), Name: b.Scalar("roleRef", "name")))
            .ToHashSet();
        return rendered
            .Where(o => boundRoles.Contains((o.Kind, o.Name)))
            .SelectMany(Expand)
            .Select(g => g.ToString())
            .Distinct()
            .Order(StringComparer.Ordinal)
            .ToList();
    }

    private static IEnumerable<Grant> Expand(RenderedObject role) =>
        from rule in role.Sequence("rules").OfType<YamlMappingNode>()
        from apiGroup in Values(rule, "apiGroups")
        from resource in Values(rule, "resources")
        from verb in Values(rule, "verbs")
        select new Grant(apiGroup, resource, verb);

    private static IEnumerable<string> Values(YamlMappingNode rule, string key) =>
        rule.Children.TryGetValue(new YamlScalarNode(key), out var node) && node is YamlSequenceNode sequence
            ? sequence.Children.OfType<YamlScalarNode>().Select(s => s.Value ?? string.Empty)
            : [];

    private static string? Value(YamlMappingNode map, string key) =>
        map.Children.TryGetValue(new YamlScalarNode(key), out var node) ? (node as YamlScalarNode)?.Value : null;
}
