using GpuPool.DevicePlugin.Devices;
using GpuPool.DevicePlugin.Hosting;
using GpuPool.DevicePlugin.Options;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace GpuPool.DevicePlugin.Kubelet;

/// <summary>
/// For every GPU: serve, check, register; then wait for a reason to start over, as the NVIDIA
/// plugin does. A new GPU index is such a reason too (its resource needs its own registration).
/// Any failure stops every server and retries with capped backoff.
/// </summary>
public sealed partial class PluginLifecycle(
    PluginServerFactory factory,
    KubeletRegistrar registrar,
    RegistrationState state,
    DeviceInventory inventory,
    IOptions<DevicePluginOptions> options,
    TimeProvider timeProvider,
    ILogger<PluginLifecycle> logger) : BackgroundService
{
    private List<PluginServer> _servers = [];

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var triggers = new RestartTriggers(options.Value.KubeletSocketDir);
        var pipeline = RestartBackoff.Create(timeProvider, (e, attempt, delay) => LogRetry(e, attempt, delay));
        try
        {
            // The resources to register are the GPUs found: wait for the first discovery.
            await inventory.WaitForChangeAsync(0, stoppingToken).ConfigureAwait(false);
            while (!stoppingToken.IsCancellationRequested)
            {
                // 1-3. per GPU: listen on its socket, dial it, register its resource with the kubelet.
                var indexes = Indexes();
                await pipeline.ExecuteAsync(ct => StartAndRegisterAsync(indexes, ct), stoppingToken).ConfigureAwait(false);
                triggers.Clear();
                state.Registered();
                LogRegistered(registrar.KubeletSocketPath, indexes.Count, state.Registrations);

                // 4. stay until the kubelet restarts, someone asks, or a GPU index appears.
                var reason = await WaitForRestartAsync(triggers, indexes, stoppingToken).ConfigureAwait(false);
                state.Lost();
                LogRestart(reason);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        finally
        {
            state.Lost();
            await StopAllAsync().ConfigureAwait(false);
        }
    }

    private List<int> Indexes() => [.. inventory.Devices.Select(d => d.Index).Distinct().Order()];

    private async Task<string> WaitForRestartAsync(RestartTriggers triggers, List<int> indexes, CancellationToken cancellationToken)
    {
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var trigger = triggers.WaitAsync(stop.Token);
        try
        {
            while (true)
            {
                var version = inventory.Snapshot().Version;
                if (!Indexes().SequenceEqual(indexes))
                {
                    return "the GPU indexes changed";
                }

                var changed = inventory.WaitForChangeAsync(version, stop.Token);
                if (await Task.WhenAny(trigger, changed).ConfigureAwait(false) == trigger)
                {
                    return await trigger.ConfigureAwait(false);
                }

                await changed.ConfigureAwait(false);
            }
        }
        finally
        {
            await stop.CancelAsync().ConfigureAwait(false);
        }
    }

    private async ValueTask StartAndRegisterAsync(List<int> indexes, CancellationToken cancellationToken)
    {
        await StopAllAsync().ConfigureAwait(false);
        _servers = [.. indexes.Select(factory.Create)];
        try
        {
            foreach (var server in _servers)
            {
                await server.StartAsync(cancellationToken).ConfigureAwait(false);
                await KubeletRegistrar.CheckServingAsync(server.SocketPath, cancellationToken).ConfigureAwait(false);
                await registrar.RegisterAsync(server, cancellationToken).ConfigureAwait(false);
            }
        }
        catch
        {
            await StopAllAsync().ConfigureAwait(false);
            throw;
        }
    }

    private async Task StopAllAsync()
    {
        foreach (var server in _servers)
        {
            await server.StopAsync().ConfigureAwait(false);
        }

        _servers = [];
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Registered {Gpus} GPU resource(s) with the kubelet at {KubeletSocket} (registration {Count}).")]
    private partial void LogRegistered(string kubeletSocket, int gpus, int count);

    [LoggerMessage(Level = LogLevel.Information, Message = "Restarting the plugin servers: {Reason}.")]
    private partial void LogRestart(string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Starting or registering the plugin failed (attempt {Attempt}); retrying in {Delay}.")]
    private partial void LogRetry(Exception exception, int attempt, TimeSpan delay);
}
