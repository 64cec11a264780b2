using YamlDotNet.RepresentationModel;

namespace GpuPool.Operator.Tests.Chart;

/// <summary>Each component's NetworkPolicy admits only its metrics/health port and reaches only the API server's ports.</summary>
[Trait("Category", "Chart")]
public sealed class NetworkPolicyTests
{
    public static TheoryData<string, string, string[]> Components => new()
    {
        // component, its metrics/health port, extra helm arguments
        { "operator", "8080", [] },
        { "device-plugin", "8081", [] },
        { "operator", "9090", ["--set", "operator.httpPort=9090"] },
        { "device-plugin", "8081", ["--set", "devicePlugin.mode=real"] },
    };

    [RequiresHelmTheory]
    [MemberData(nameof(Components))]
    public void Ingress_is_the_metrics_port_alone_and_egress_the_api_server_ports_alone(string component, string port, string[] arguments)
    {
        var policy = Policy(HelmChart.Render(arguments), component);

        Assert.Equal(["Ingress", "Egress"], Scalars(policy.Sequence("spec", "policyTypes")));
        Assert.Equal(component, policy.Scalar("spec", "podSelector", "matchLabels", "app.kubernetes.io/component"));
        var ingress = Assert.IsType<YamlMappingNode>(Assert.Single(policy.Sequence("spec", "ingress")));
        Assert.Equal([$"TCP/{port}"], Ports(ingress));
        Assert.False(ingress.Children.ContainsKey(new YamlScalarNode("from")), "no source list: any source, on that port only");
        var egress = Assert.IsType<YamlMappingNode>(Assert.Single(policy.Sequence("spec", "egress")));
        Assert.Equal(["TCP/443", "TCP/6443"], Ports(egress));
    }

    [RequiresHelmFact]
    public void Api_server_addresses_and_scrapers_narrow_the_rules_further()
    {
        var policy = Policy(
            HelmChart.Render("--set", "networkPolicy.apiServerCidrs={10.0.0.10/32}", "--set", "networkPolicy.apiServerPorts={6443}", "--set-json", "networkPolicy.metricsFrom=[{\"namespaceSelector\":{\"matchLabels\":{\"name\":\"monitoring\"}}}]"),
            "operator");

        var egress = (YamlMappingNode)Assert.Single(policy.Sequence("spec", "egress"));
        Assert.Equal(["TCP/6443"], Ports(egress));
        Assert.Equal("10.0.0.10/32", ((YamlScalarNode)egress["to"][0]["ipBlock"]["cidr"]).Value);
        var ingress = (YamlMappingNode)Assert.Single(policy.Sequence("spec", "ingress"));
        Assert.Equal("monitoring", ((YamlScalarNode)ingress["from"][0]["namespaceSelector"]["matchLabels"]["name"]).Value);
    }

    public static TheoryData<string[], string[]> Presence => new()
    {
        { [], ["device-plugin", "operator"] },
        { ["--set", "devicePlugin.enabled=false"], ["operator"] },
        { ["--set", "networkPolicy.enabled=false"], [] },
    };

    [RequiresHelmTheory]
    [MemberData(nameof(Presence))]
    public void Policies_are_on_by_default_one_per_component(string[] arguments, string[] components)
    {
        var policies = HelmChart.Render(arguments).Where(o => o.Kind == "NetworkPolicy");

        Assert.Equal(components, policies.Select(p => p.Label("app.kubernetes.io/component")).Order(StringComparer.Ordinal));
    }

    private static RenderedObject Policy(IReadOnlyList<RenderedObject> rendered, string component) =>
        Assert.Single(rendered, o => o.Kind == "NetworkPolicy" && o.Label("app.kubernetes.io/component") == component);

    private static List<string?> Scalars(IEnumerable<YamlNode> nodes) => nodes.OfType<YamlScalarNode>().Select(n => n.Value).ToList();

    private static List<string> Ports(YamlMappingNode rule) =>
        ((YamlSequenceNode)rule["ports"]).Children.OfType<YamlMappingNode>()
            .Select(p => $"{((YamlScalarNode)p["protocol"]).Value}/{((YamlScalarNode)p["port"]).Value}")
            .Order(StringComparer.Ordinal)
            .ToList();
}
