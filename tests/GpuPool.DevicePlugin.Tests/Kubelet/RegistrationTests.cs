using GpuPool.DevicePlugin.Kubelet;
using GpuPool.DevicePlugin.Kubelet.V1Beta1;
using GpuPool.DevicePlugin.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using DevicePluginClient = GpuPool.DevicePlugin.Kubelet.V1Beta1.DevicePlugin.DevicePluginClient;

namespace GpuPool.DevicePlugin.Tests.Kubelet;

public sealed class RegistrationTests
{
    [Fact]
    public async Task Plugin_registers_its_resource_version_and_endpoint_and_serves_that_endpoint()
    {
        using var directory = new TempDirectory();
        await using var kubelet = await TestKubelet.StartAsync(directory.KubeletDir);
        await using var host = await PluginHost.StartAsync(directory);

        var registration = await kubelet.NextRegistrationAsync();

        Assert.Equal("v1beta1", registration.Version);
        Assert.Equal("gpupool.io/gpu", registration.ResourceName);
        Assert.Equal("gpupool.sock", registration.Endpoint);
        Assert.True(registration.Options.GetPreferredAllocationAvailable);

        // The kubelet dials the endpoint next: it must answer.
        using var channel = UnixSocketChannel.Create(Path.Combine(directory.KubeletDir, registration.Endpoint));
        var options = await new DevicePluginClient(channel).GetDevicePluginOptionsAsync(new Empty());
        Assert.False(options.PreStartRequired);
    }

    [Fact]
    public async Task Plugin_registers_again_when_the_kubelet_restarts_and_recreates_its_socket()
    {
        using var directory = new TempDirectory();
        var kubelet = await TestKubelet.StartAsync(directory.KubeletDir);
        await using var host = await PluginHost.StartAsync(directory);
        await kubelet.NextRegistrationAsync();

        // A restarting kubelet removes every socket in its directory, then creates kubelet.sock anew.
        await kubelet.DisposeAsync();
        File.Delete(directory.KubeletSocket);
        File.Delete(directory.PluginSocket);
        await using var restarted = await TestKubelet.StartAsync(directory.KubeletDir);

        var registration = await restarted.NextRegistrationAsync();

        Assert.Equal("gpupool.io/gpu", registration.ResourceName);
        var state = host.Services.GetRequiredService<RegistrationState>();
        await Eventually.TrueAsync(() => state.Registrations == 2, "the second registration to be recorded");
        using var channel = host.PluginChannel();
        var devices = new DevicePluginClient(channel).ListAndWatch(new Empty());
        Assert.True(await devices.ResponseStream.MoveNext(CancellationToken.None));
        Assert.Equal(4, devices.ResponseStream.Current.Devices.Count);
    }
}
