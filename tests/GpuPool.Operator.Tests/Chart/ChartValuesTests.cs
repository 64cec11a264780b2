using YamlDotNet.RepresentationModel;

namespace GpuPool.Operator.Tests.Chart;

/// <summary>Values reach the rendered objects: each case names an object (kind, component) and a path in it.</summary>
[Trait("Category", "Chart")]
public sealed class ChartValuesTests
{
    private const string OperatorConfig = "GpuPool__Operator__";

    public static TheoryData<string[], string, string, string[], string?> Settings => new()
    {
        { [], "ConfigMap", "operator", ["data", OperatorConfig + "LeaderElection__Enabled"], "false" },
        { ["--set", "operator.replicas=3"], "ConfigMap", "operator", ["data", OperatorConfig + "LeaderElection__Enabled"], "true" },
        { ["--set", "operator.replicas=3", "--set", "operator.leaderElection.enabled=false"], "ConfigMap", "operator", ["data", OperatorConfig + "LeaderElection__Enabled"], "false" },
        { ["--set", "operator.leaderElection.enabled=true"], "ConfigMap", "operator", ["data", OperatorConfig + "LeaderElection__Enabled"], "true" },
        { ["--set", "operator.replicas=3"], "Deployment", "operator", ["spec", "replicas"], "3" },
        { [], "ConfigMap", "operator", ["data", OperatorConfig + "LeaderElection__LeaseName"], "gpupool-operator" },
        { [], "ConfigMap", "operator", ["data", OperatorConfig + "ModelPath"], "" },
        { ["--set", "operator.model.configMap=my-model"], "ConfigMap", "operator", ["data", OperatorConfig + "ModelPath"], "/etc/gpupool/model/model.zip" },
        { ["--set", "operator.config.windowSeconds=12.5"], "ConfigMap", "operator", ["data", OperatorConfig + "WindowSeconds"], "12.5" },
        { ["--set", "operator.config.namespaces={ml,research}"], "ConfigMap", "operator", ["data", OperatorConfig + "Namespaces__1"], "research" },
        { ["--set", "operator.config.caches.maxKernels=2048"], "ConfigMap", "operator", ["data", OperatorConfig + "Caches__MaxKernels"], "2048" },
        { [], "ConfigMap", "operator", ["data", OperatorConfig + "Caches__ProfilePairIdleWindows"], "20" },
        { ["--set", "operator.config.caches.profilePairIdleWindows=5"], "ConfigMap", "operator", ["data", OperatorConfig + "Caches__ProfilePairIdleWindows"], "5" },
        { ["--set", "operator.config.writeParallelism=4"], "ConfigMap", "operator", ["data", OperatorConfig + "WriteParallelism"], "4" },
        { [], "ConfigMap", "operator", ["data", OperatorConfig + "InventoryMaxAgeSeconds"], "600" },
        { ["--set", "operator.config.inventoryMaxAgeSeconds=0"], "ConfigMap", "operator", ["data", OperatorConfig + "InventoryMaxAgeSeconds"], "0" },
        { [], "ConfigMap", "operator", ["data", OperatorConfig + "RejectedHoldSeconds"], "600" },
        { ["--set", "operator.config.rejectedHoldSeconds=120"], "ConfigMap", "operator", ["data", OperatorConfig + "RejectedHoldSeconds"], "120" },
        { [], "ConfigMap", "operator", ["data", OperatorConfig + "Namespaces__0"], null },
        { [], "ConfigMap", "operator", ["data", OperatorConfig + "ResourcePrefix"], "gpupool.io/gpu" },
        { [], "ConfigMap", "device-plugin", ["data", "GpuPool__DevicePlugin__ResourcePrefix"], "gpupool.io/gpu" },
        { ["--set", "gpuResourcePrefix=example.com/accel"], "ConfigMap", "operator", ["data", OperatorConfig + "ResourcePrefix"], "example.com/accel" },
        { ["--set", "gpuResourcePrefix=example.com/accel"], "ConfigMap", "device-plugin", ["data", "GpuPool__DevicePlugin__ResourcePrefix"], "example.com/accel" },
        { [], "DaemonSet", "device-plugin", ["spec", "template", "spec", "runtimeClassName"], null },
        { ["--set", "devicePlugin.mode=real"], "DaemonSet", "device-plugin", ["spec", "template", "spec", "runtimeClassName"], "nvidia" },
        { ["--set", "devicePlugin.mode=real"], "ConfigMap", "device-plugin", ["data", "GpuPool__DevicePlugin__Mode"], "real" },
        { ["--set", "devicePlugin.mode=real"], "ConfigMap", "device-plugin", ["data", "GpuPool__DevicePlugin__Simulated__Count"], null },
        { ["--set", "devicePlugin.simulated.count=4"], "ConfigMap", "device-plugin", ["data", "GpuPool__DevicePlugin__Simulated__Count"], "4" },
        { [], "Service", "operator", ["spec", "ports"], "sequence" },
        { [], "ConfigMap", "dashboard", ["metadata", "labels", "grafana_dashboard"], "1" },
        { [], "DaemonSet", "device-plugin", ["spec", "template", "spec", "containers"], "sequence" },
    };

    public static TheoryData<string[], string, string, bool> OptionalObjects => new()
    {
        { [], "ServiceMonitor", "operator", false },
        { ["--set", "serviceMonitor.enabled=true"], "ServiceMonitor", "operator", true },
        { [], "PodDisruptionBudget", "operator", true },
        { ["--set", "operator.podDisruptionBudget.enabled=false"], "PodDisruptionBudget", "operator", false },
        { [], "DaemonSet", "device-plugin", true },
        { ["--set", "devicePlugin.enabled=false"], "DaemonSet", "device-plugin", false },
        { ["--set", "dashboard.enabled=false"], "ConfigMap", "dashboard", false },
        { [], "Secret", "placement-key", true },
        { ["--set", "placementKey.existingSecret=my-key"], "Secret", "placement-key", false },
    };

    public static TheoryData<string[], string, string> PlacementKeys => new()
    {
        // values, Secret both components read, its entry holding the key
        { [], "gpupool-placement-key", "placement-key" },
        { ["--set", "placementKey.existingSecret=my-key", "--set", "placementKey.secretKey=hmac"], "my-key", "hmac" },
    };

    [RequiresHelmTheory]
    [MemberData(nameof(Settings))]
    public void Value_reaches_the_rendered_object(string[] arguments, string kind, string component, string[] path, string? expected)
    {
        var target = Assert.Single(HelmChart.Render(arguments), o => o.Kind == kind && o.Label("app.kubernetes.io/component") == component);

        var node = target.Find(path);
        var actual = node switch
        {
            null => null,
            YamlSequenceNode => "sequence",
            YamlScalarNode scalar => scalar.Value,
            _ => "mapping",
        };
        Assert.Equal(expected, actual);
    }

    [RequiresHelmTheory]
    [MemberData(nameof(OptionalObjects))]
    public void Optional_object_follows_its_flag(string[] arguments, string kind, string component, bool present)
    {
        var found = HelmChart.Render(arguments).Any(o => o.Kind == kind && o.Label("app.kubernetes.io/component") == component);

        Assert.Equal(present, found);
    }

    [RequiresHelmFact]
    public void Real_mode_gives_the_device_plugin_the_gpus_and_nvidia_smi_only()
    {
        var daemonSet = Assert.Single(HelmChart.Render("--set", "devicePlugin.mode=real"), o => o.Kind == "DaemonSet");
        var env = daemonSet.Sequence("spec", "template", "spec", "containers")
            .OfType<YamlMappingNode>().Single()["env"];

        var pairs = ((YamlSequenceNode)env).Children
            .OfType<YamlMappingNode>()
            .Where(e => e.Children.ContainsKey("value"))
            .ToDictionary(e => e["name"].ToString(), e => e["value"].ToString());
        Assert.Equal("all", pairs["NVIDIA_VISIBLE_DEVICES"]);
        Assert.Equal("utility", pairs["NVIDIA_DRIVER_CAPABILITIES"]);
    }

    [RequiresHelmTheory]
    [MemberData(nameof(PlacementKeys))]
    public void The_operator_and_the_device_plugin_read_one_placement_key(string[] arguments, string secret, string entry)
    {
        var rendered = HelmChart.Render(arguments);

        foreach (var (kind, section) in new[] { ("Deployment", "Operator"), ("DaemonSet", "DevicePlugin") })
        {
            var container = (YamlMappingNode)Assert.Single(rendered, o => o.Kind == kind).Sequence("spec", "template", "spec", "containers")[0];
            var env = ((YamlSequenceNode)container["env"]).Children.OfType<YamlMappingNode>().ToDictionary(e => e["name"].ToString());
            var key = (YamlMappingNode)env[$"GpuPool__{section}__PlacementKey"]["valueFrom"]["secretKeyRef"];
            var previous = (YamlMappingNode)env[$"GpuPool__{section}__PreviousPlacementKey"]["valueFrom"]["secretKeyRef"];
            Assert.Equal((secret, entry), (key["name"].ToString(), key["key"].ToString()));
            Assert.Equal((secret, "previous-placement-key", "true"), (previous["name"].ToString(), previous["key"].ToString(), previous["optional"].ToString()));
        }

        if (arguments.Length == 0)
        {
            var made = Assert.Single(rendered, o => o.Kind == "Secret" && o.Name == secret).Scalar("data", entry)!;
            Assert.Equal(64, Convert.FromBase64String(made).Length);
        }
    }
}
