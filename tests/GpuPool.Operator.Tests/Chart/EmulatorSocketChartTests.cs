namespace GpuPool.Operator.Tests.Chart;

/// <summary>The emulator socket as the chart configures it: its own folder, a group the plugin belongs to.</summary>
[Trait("Category", "Chart")]
public sealed class EmulatorSocketChartTests
{
    public static TheoryData<string[], string> Groups => new()
    {
        { [], "1654" },
        { ["--set", "devicePlugin.emulatorSocketGroup=4242"], "4242" },
    };

    [RequiresHelmTheory]
    [MemberData(nameof(Groups))]
    public void The_socket_has_a_folder_of_its_own_and_the_plugin_is_in_its_group(string[] arguments, string group)
    {
        var rendered = HelmChart.Render(arguments);
        var config = Assert.Single(rendered, o => o.Kind == "ConfigMap" && o.Label("app.kubernetes.io/component") == "device-plugin");
        var plugin = Assert.Single(rendered, o => o.Kind == "DaemonSet");

        // Job containers mount the socket's folder: it must not be the folder of the MPS daemon too.
        Assert.Equal("/var/run/gpupool/emulator/emulator.sock", config.Scalar("data", "GpuPool__DevicePlugin__EmulatorSocket"));
        Assert.Equal("/var/run/gpupool/mps", config.Scalar("data", "GpuPool__DevicePlugin__MpsDirectory"));
        Assert.Equal(group, config.Scalar("data", "GpuPool__DevicePlugin__EmulatorSocketGroup"));

        // Without CAP_CHOWN the plugin can give the socket only a group it is in.
        var groups = plugin.Sequence("spec", "template", "spec", "securityContext", "supplementalGroups");
        Assert.Equal([group], groups.Select(g => ((YamlDotNet.RepresentationModel.YamlScalarNode)g).Value));
        Assert.Equal(
            ["ALL"],
            plugin.Sequence("spec", "template", "spec", "containers").Cast<YamlDotNet.RepresentationModel.YamlMappingNode>().Single()
                ["securityContext"]["capabilities"]["drop"].AllNodes.OfType<YamlDotNet.RepresentationModel.YamlScalarNode>().Select(n => n.Value));
    }
}
