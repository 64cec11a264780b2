using System.Net.Sockets;
using GpuPool.DevicePlugin.Mps;
using GpuPool.DevicePlugin.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace GpuPool.DevicePlugin.Tests.Telemetry;

/// <summary>The MPS daemon's health on /metrics and /healthz, with a stand-in daemon socket in each state.</summary>
public sealed class MpsDaemonGaugeTests
{
    public enum Daemon
    {
        Missing,
        Listening,
        Dead,
    }

    public static TheoryData<Daemon, double, HealthStatus> RealStates => new()
    {
        // the control socket, gpupool_device_plugin_mps_daemon_up, /healthz
        { Daemon.Missing, 0, HealthStatus.Degraded },
        { Daemon.Listening, 1, HealthStatus.Healthy },
        // A daemon that died leaves its socket file with nobody accepting on it.
        { Daemon.Dead, 0, HealthStatus.Degraded },
    };

    [Theory]
    [MemberData(nameof(RealStates))]
    public async Task Real_mode_reads_the_control_daemons_socket(Daemon daemon, double up, HealthStatus health)
    {
        await using var real = await RealGpuHost.StartAsync();
        using var control = StandIn(MpsPaths.ControlSocket(real.Host.Directory.MpsDirectory), daemon);

        var scrape = await MetricsScrape.ScrapeAsync(real.Host);

        Assert.Equal(up, MetricsScrape.Value(scrape, "gpupool_device_plugin_mps_daemon_up", null));
        Assert.Equal(health, (await HealthAsync(real.Host)).Entries["mps-daemon"].Status);
    }

    [Fact]
    public async Task Simulated_mode_reports_the_emulator_down_once_its_socket_is_gone()
    {
        using var directory = new TempDirectory();
        await using var host = await PluginHost.StartAsync(directory);
        Assert.Equal(1, MetricsScrape.Value(await MetricsScrape.ScrapeAsync(host), "gpupool_device_plugin_mps_daemon_up", null));

        File.Delete(directory.EmulatorSocket);

        Assert.Equal(0, MetricsScrape.Value(await MetricsScrape.ScrapeAsync(host), "gpupool_device_plugin_mps_daemon_up", null));
        Assert.Equal(HealthStatus.Degraded, (await HealthAsync(host)).Entries["mps-daemon"].Status);
    }

    private static Socket? StandIn(string path, Daemon daemon)
    {
        if (daemon == Daemon.Missing)
        {
            return null;
        }

        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        socket.Bind(new UnixDomainSocketEndPoint(path));

        // Dead: the socket file is there and nothing accepts on it (connection refused).
        if (daemon == Daemon.Listening)
        {
            socket.Listen();
        }

        return socket;
    }

    private static Task<HealthReport> HealthAsync(PluginHost host) =>
        host.Services.GetRequiredService<HealthCheckService>().CheckHealthAsync();
}
