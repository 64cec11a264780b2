namespace GpuPool.Operator.Tests.Chart;

[Trait("Category", "Chart")]
public sealed class OperatorRbacTests
{
    private const string OperatorAccount = "gpupool-operator";
    private const string DevicePluginAccount = "gpupool-device-plugin";

    public static TheoryData<string, string[]> Scenarios => new()
    {
        { "defaults", [] },
        { "three replicas, real GPUs, ServiceMonitor", ["--set", "operator.replicas=3", "--set", "devicePlugin.mode=real", "--set", "serviceMonitor.enabled=true"] },
        { "two namespaces watched, leader election forced off", ["--set", "operator.config.namespaces={a,b}", "--set", "operator.leaderElection.enabled=false"] },
    };

    [RequiresHelmTheory]
    [MemberData(nameof(Scenarios))]
    public void Operator_account_is_granted_exactly_its_api_permission_table(string scenario, string[] arguments)
    {
        var granted = RbacGrants.BoundTo(HelmChart.Render(arguments), OperatorAccount);

        var extra = granted.Except(OperatorApiPermissions.Expected);
        var missing = OperatorApiPermissions.Expected.Except(granted);
        Assert.True(OperatorApiPermissions.Expected.SequenceEqual(granted),
            $"{scenario}: chart grants too much [{string.Join(", ", extra)}] and lacks [{string.Join(", ", missing)}]");
    }

    [RequiresHelmTheory]
    [MemberData(nameof(Scenarios))]
    public void Device_plugin_account_may_only_get_and_patch_nodes_list_pods_and_get_gpujobs(string scenario, string[] arguments)
    {
        // Nodes for the inventory; Allocate lists the pods bound to its node and reads their GpuJob,
        // to serve only pods the operator placed. Nothing else, and no pod writes.
        string[] expected = ["get core/nodes", "get gpupool.io/gpujobs", "list core/pods", "patch core/nodes"];

        var granted = RbacGrants.BoundTo(HelmChart.Render(arguments), DevicePluginAccount);

        Assert.True(expected.SequenceEqual(granted), $"{scenario}: device plugin granted [{string.Join(", ", granted)}]");
    }

    [RequiresHelmTheory]
    [MemberData(nameof(Scenarios))]
    public void Lease_access_is_limited_to_the_operators_own_lease_except_create(string scenario, string[] arguments)
    {
        var named = RbacGrants.NamesBoundTo(HelmChart.Render(arguments), OperatorAccount);

        // The ConfigMap's LeaseName; create alone cannot carry a name (RBAC checks it before the name exists).
        Assert.True(named.TryGetValue("get coordination.k8s.io/leases", out var get) && get.SequenceEqual([OperatorAccount]), $"{scenario}: get leases on [{string.Join(", ", get ?? [])}]");
        Assert.True(named.TryGetValue("update coordination.k8s.io/leases", out var update) && update.SequenceEqual([OperatorAccount]), $"{scenario}: update leases on [{string.Join(", ", update ?? [])}]");
        Assert.Empty(named["create coordination.k8s.io/leases"]);
        Assert.Equal(OperatorAccount, Assert.Single(HelmChart.Render(arguments), o => o.Kind == "ConfigMap" && o.Name == OperatorAccount).Scalar("data", "GpuPool__Operator__LeaderElection__LeaseName"));
    }

    [RequiresHelmFact]
    public void Without_the_device_plugin_its_account_gets_nothing()
    {
        var granted = RbacGrants.BoundTo(HelmChart.Render("--set", "devicePlugin.enabled=false"), DevicePluginAccount);

        Assert.Empty(granted);
    }
}
