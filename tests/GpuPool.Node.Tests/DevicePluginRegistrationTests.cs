using System.Diagnostics;

namespace GpuPool.Node.Tests;

[Collection(NodeTestGroup.Name)]
[Trait("Category", "Node")]
public sealed class DevicePluginRegistrationTests(NodeFixture node)
{
    private static readonly TimeSpan Registration = TimeSpan.FromSeconds(90);

    [NodeFact]
    public async Task The_plugin_registers_every_gpu_and_registers_again_after_a_kubelet_restart()
    {
        await node.WaitUntilAsync(HasEveryGpu, Registration, "the node's allocatable did not list every simulated GPU");

        var before = Registrations();

        RestartKubelet();

        // The restarted kubelet forgets every plugin (its capacity stays zero until a plugin
        // registers again): each GPU's resource must be registered anew, by the plugin itself.
        await node.WaitUntilAsync(
            () => Task.FromResult(Registrations() >= before + NodeFixture.SimulatedGpus),
            Registration, "the plugin did not register every GPU again after the kubelet restart");
        await node.WaitUntilAsync(HasEveryGpu, Registration, "the node's allocatable did not list every GPU after the restart");
    }

    /// <summary>Registration requests the kubelet has logged (it logs each at its default level).</summary>
    private int Registrations() =>
        File.ReadLines(Path.Combine(node.Node.StateDir, "kubelet.log"))
            .Count(line => line.Contains("Got registration request from device plugin with resource name \"" + NodeFixture.ResourcePrefix, StringComparison.Ordinal));

    private async Task<bool> HasEveryGpu()
    {
        var allocatable = await node.GpuAllocatableAsync();
        return Enumerable.Range(0, NodeFixture.SimulatedGpus)
            .All(i => allocatable.TryGetValue($"{NodeFixture.ResourcePrefix}-{i}", out var units) && units == 100);
    }

    private void RestartKubelet()
    {
        var pidFile = Path.Combine(node.Node.StateDir, "kubelet.pid");
        using (var kubelet = Process.GetProcessById(int.Parse(File.ReadAllText(pidFile).Trim(), System.Globalization.CultureInfo.InvariantCulture)))
        {
            kubelet.Kill();
            kubelet.WaitForExit(30_000);
        }

        using var start = Process.Start(node.Node.KubeletRunScript) ?? throw new InvalidOperationException("could not run " + node.Node.KubeletRunScript);
        start.WaitForExit(30_000);
        Assert.Equal(0, start.ExitCode);
    }
}
