using GpuPool.Contracts.Emulator;
using GpuPool.DevicePlugin.Kubelet;
using GpuPool.DevicePlugin.Kubelet.V1Beta1;
using GpuPool.DevicePlugin.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using DevicePluginClient = GpuPool.DevicePlugin.Kubelet.V1Beta1.DevicePlugin.DevicePluginClient;

namespace GpuPool.DevicePlugin.Tests.Kubelet;

public sealed class RegistrationTests
{
    public static TheoryData<string?, string[]> Prefixes => new()
    {
        // configured ResourcePrefix (null: default), resources registered for the two simulated GPUs
        { null, ["gpupool.io/gpu-0", "gpupool.io/gpu-1"] },
        { "example.com/accel", ["example.com/accel-0", "example.com/accel-1"] },
    };

    [Theory]
    [MemberData(nameof(Prefixes))]
    public async Task Each_gpu_registers_its_own_resource_and_endpoint_and_serves_that_endpoint(string? prefix, string[] resources)
    {
        using var directory = new TempDirectory();
        await using var kubelet = await TestKubelet.StartAsync(directory.KubeletDir);
        var settings = prefix is null ? null : new Dictionary<string, string?> { ["GpuPool:DevicePlugin:ResourcePrefix"] = prefix };
        await using var host = await PluginHost.StartAsync(directory, settings);

        RegisterRequest[] registrations = [await kubelet.NextRegistrationAsync(), await kubelet.NextRegistrationAsync()];

        Assert.Equal(resources, registrations.Select(r => r.ResourceName));
        Assert.Equal(["gpupool-gpu-0.sock", "gpupool-gpu-1.sock"], registrations.Select(r => r.Endpoint));
        Assert.All(registrations, r => Assert.Equal("v1beta1", r.Version));
        Assert.All(registrations, r => Assert.False(r.Options.GetPreferredAllocationAvailable));

        // The kubelet dials each endpoint next: it must answer.
        foreach (var registration in registrations)
        {
            using var channel = UnixSocketChannel.Create(Path.Combine(directory.KubeletDir, registration.Endpoint));
            var options = await new DevicePluginClient(channel).GetDevicePluginOptionsAsync(new Empty());
            Assert.False(options.PreStartRequired);
        }
    }

    [Fact]
    public async Task Every_resource_registers_again_when_the_kubelet_restarts_and_recreates_its_socket()
    {
        using var directory = new TempDirectory();
        var kubelet = await TestKubelet.StartAsync(directory.KubeletDir);
        await using var host = await PluginHost.StartAsync(directory);
        await kubelet.NextRegistrationAsync();
        await kubelet.NextRegistrationAsync();

        // A restarting kubelet removes every socket in its directory, then creates kubelet.sock anew.
        await kubelet.DisposeAsync();
        File.Delete(directory.KubeletSocket);
        File.Delete(directory.PluginSocket(0));
        File.Delete(directory.PluginSocket(1));
        await using var restarted = await TestKubelet.StartAsync(directory.KubeletDir);

        RegisterRequest[] registrations = [await restarted.NextRegistrationAsync(), await restarted.NextRegistrationAsync()];

        Assert.Equal(["gpupool.io/gpu-0", "gpupool.io/gpu-1"], registrations.Select(r => r.ResourceName));
        var state = host.Services.GetRequiredService<RegistrationState>();
        await Eventually.TrueAsync(() => state.Registrations == 2, "the second registration round to be recorded");
        using var channel = host.PluginChannel(1);
        var devices = new DevicePluginClient(channel).ListAndWatch(new Empty());
        Assert.True(await devices.ResponseStream.MoveNext(CancellationToken.None));
        Assert.Equal(100, devices.ResponseStream.Current.Devices.Count);
    }
}
