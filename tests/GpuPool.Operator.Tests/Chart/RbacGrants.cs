using YamlDotNet.RepresentationModel;

namespace GpuPool.Operator.Tests.Chart;

/// <summary>Expands rendered Roles/ClusterRoles into sorted grants, and finds what a ServiceAccount is bound to.</summary>
public static class RbacGrants
{
    /// <summary>Every (group, resource, verb) the roles bound to the named ServiceAccount allow.</summary>
    public static IReadOnlyList<string> BoundTo(IReadOnlyList<RenderedObject> rendered, string serviceAccount)
    {
        var boundRoles = BoundRoles(rendered, serviceAccount);
        return rendered
            .Where(o => boundRoles.Contains((o.Kind, o.Name)))
            .SelectMany(Expand)
            .Select(g => g.ToString())
            .Distinct()
            .Order(StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>
    /// Every grant bound to the account with the object names it is limited to (an empty list: any
    /// name). A grant that several rules give is as wide as the widest of them.
    /// </summary>
    public static IReadOnlyDictionary<string, IReadOnlyList<string>> NamesBoundTo(IReadOnlyList<RenderedObject> rendered, string serviceAccount)
    {
        var boundRoles = BoundRoles(rendered, serviceAccount);
        var named = from role in rendered.Where(o => boundRoles.Contains((o.Kind, o.Name)))
                    from rule in role.Sequence("rules").OfType<YamlMappingNode>()
                    let names = Values(rule, "resourceNames").Order(StringComparer.Ordinal).ToList()
                    from apiGroup in Values(rule, "apiGroups")
                    from resource in Values(rule, "resources")
                    from verb in Values(rule, "verbs")
                    select (Grant: new Grant(apiGroup, resource, verb).ToString(), Names: names);
        return named
            .GroupBy(n => n.Grant)
            .ToDictionary(g => g.Key, g => g.Any(n => n.Names.Count == 0) ? [] : (IReadOnlyList<string>)g.SelectMany(n => n.Names).Distinct().ToList());
    }

    private static HashSet<(string? Kind, string? Name)> BoundRoles(IReadOnlyList<RenderedObject> rendered, string serviceAccount) =>
        rendered
            .Where(o => o.Kind is "ClusterRoleBinding" or "RoleBinding")
            .Where(b => b.Sequence("subjects").OfType<YamlMappingNode>().Any(s =>
                Value(s, "kind") == "ServiceAccount" && Value(s, "name") == serviceAccount && Value(s, "namespace") == HelmChart.Namespace))
            .Select(b => (Kind: b.Scalar("roleRef", "kind"), Name: b.Scalar("roleRef", "name")))
            .ToHashSet();

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
