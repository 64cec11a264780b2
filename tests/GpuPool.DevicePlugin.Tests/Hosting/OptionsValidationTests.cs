using GpuPool.DevicePlugin.Options;
using GpuPool.DevicePlugin.Tests.Support;
using Microsoft.Extensions.Options;

namespace GpuPool.DevicePlugin.Tests.Hosting;

public sealed class OptionsValidationTests
{
    public static TheoryData<string, string, string> BadSettings => new()
    {
        { "GpuPool:DevicePlugin:Mode", "gpu", "GpuPool:DevicePlugin:Mode" },
        { "GpuPool:DevicePlugin:NodeName", "", "GpuPool:DevicePlugin:NodeName" },
        { "GpuPool:DevicePlugin:KubeletSocketDir", "relative/dir", "GpuPool:DevicePlugin:KubeletSocketDir" },
        { "GpuPool:DevicePlugin:EmulatorTimeScale", "0", "GpuPool:DevicePlugin:EmulatorTimeScale" },
        { "GpuPool:DevicePlugin:ResourcePrefix", "gpu", "GpuPool:DevicePlugin:ResourcePrefix" },
        { "GpuPool:DevicePlugin:ResourcePrefix", "gpupool.io/gpu-", "GpuPool:DevicePlugin:ResourcePrefix" },
        { "GpuPool:DevicePlugin:ResourcePrefix", "gpupool.io/" + new string('g', 60), "GpuPool:DevicePlugin:ResourcePrefix" },
        { "GpuPool:DevicePlugin:HealthPollSeconds", "-1", "GpuPool:DevicePlugin:HealthPollSeconds" },
        { "GpuPool:DevicePlugin:Simulated:Count", "0", "GpuPool:DevicePlugin:Simulated:Count" },
        { "GpuPool:DevicePlugin:Simulated:SmCount", "0", "GpuPool:DevicePlugin:Simulated:SmCount" },
        { "GpuPool:DevicePlugin:EmulatorSocket", "/" + new string('s', 120) + ".sock", "GpuPool:DevicePlugin:EmulatorSocket" },
        { "GpuPool:DevicePlugin:EmulatorSocketGroup", "-1", "GpuPool:DevicePlugin:EmulatorSocketGroup" },
        { "GpuPool:DevicePlugin:MpsDirectory", "var/run/mps", "GpuPool:DevicePlugin:MpsDirectory" },
        { "GpuPool:DevicePlugin:MpsDirectory", "/" + new string('m', 100), "GpuPool:DevicePlugin:MpsDirectory" },
        { "GpuPool:DevicePlugin:PlacementKey", "", "GpuPool:DevicePlugin:PlacementKey" },
        { "GpuPool:DevicePlugin:PlacementKey", "too-short", "GpuPool:DevicePlugin:PlacementKey" },
        { "GpuPool:DevicePlugin:PreviousPlacementKey", PluginHost.PlacementKey, "GpuPool:DevicePlugin:PreviousPlacementKey" },
    };

    [Theory]
    [MemberData(nameof(BadSettings))]
    public async Task The_host_refuses_to_start_naming_the_bad_field(string key, string value, string field)
    {
        using var directory = new TempDirectory();
        var error = await Assert.ThrowsAsync<OptionsValidationException>(
            () => PluginHost.StartAsync(directory, new Dictionary<string, string?> { [key] = value }));

        Assert.Contains(error.Failures, f => f.StartsWith(field + " ", StringComparison.Ordinal));
    }

    [Fact]
    public void Defaults_are_the_documented_ones_and_valid_once_a_node_and_the_placement_key_are_given()
    {
        var options = new DevicePluginOptions { NodeName = "node-a", PlacementKey = PluginHost.PlacementKey };

        var result = new DevicePluginOptionsValidator().Validate(null, options);

        Assert.True(result.Succeeded, result.FailureMessage);
        Assert.Equal(
            ("simulated", "/var/lib/kubelet/device-plugins", "/var/run/gpupool/emulator/emulator.sock", 1654, "/var/run/gpupool/mps", 1.0, 10.0, 8081),
            (options.Mode, options.KubeletSocketDir, options.EmulatorSocket, options.EmulatorSocketGroup, options.MpsDirectory, options.EmulatorTimeScale, options.HealthPollSeconds, options.HttpPort));
        Assert.Equal(("V100", 2, 32768L, 80), (options.Simulated.Model, options.Simulated.Count, options.Simulated.MemoryMiB, options.Simulated.SmCount));
    }
}
