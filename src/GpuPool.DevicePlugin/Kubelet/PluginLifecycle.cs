using GpuPool.DevicePlugin.Hosting;
using GpuPool.DevicePlugin.Options;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace GpuPool.DevicePlugin.Kubelet;

/// <summary>
/// Serve, check, register, then wait for a reason to start over, as the NVIDIA plugin does.
/// Any failure stops the server and retries with capped backoff.
/// </summary>
public sealed partial class PluginLifecycle(
    PluginServer server,
    KubeletRegistrar registrar,
    RegistrationState state,
    IOptions<DevicePluginOptions> options,
    TimeProvider timeProvider,
    ILogger<PluginLifecycle> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var triggers = new RestartTriggers(options.Value.KubeletSocketDir);
        var pipeline = RestartBackoff.Create(timeProvider, (e, attempt, delay) => LogRetry(e, attempt, delay));
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                // 1-3. listen on our socket, dial it, register with the kubelet.
                await pipeline.ExecuteAsync(StartAndRegisterAsync, stoppingToken).ConfigureAwait(false);
                triggers.Clear();
                state.Registered();
                LogRegistered(registrar.KubeletSocketPath, state.Registrations);

                // 4. stay until the kubelet restarts or someone asks.
                var reason = await triggers.WaitAsync(stoppingToken).ConfigureAwait(false);
                state.Lost();
                LogRestart(reason);
            }
        }
        finally
        {
            state.Lost();
            await server.StopAsync().ConfigureAwait(false);
        }
    }

    private async ValueTask StartAndRegisterAsync(CancellationToken cancellationToken)
    {
        try
        {
            await server.StartAsync(cancellationToken).ConfigureAwait(false);
            await KubeletRegistrar.CheckServingAsync(server.SocketPath, cancellationToken).ConfigureAwait(false);
            await registrar.RegisterAsync(cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            await server.StopAsync().ConfigureAwait(false);
            throw;
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Registered with the kubelet at {KubeletSocket} (registration {Count}).")]
    private partial void LogRegistered(string kubeletSocket, int count);

    [LoggerMessage(Level = LogLevel.Information, Message = "Restarting the plugin server: {Reason}.")]
    private partial void LogRestart(string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Starting or registering the plugin failed (attempt {Attempt}); retrying in {Delay}.")]
    private partial void LogRetry(Exception exception, int attempt, TimeSpan delay);
}
