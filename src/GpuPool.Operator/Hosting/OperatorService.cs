using GpuPool.Operator.Ports;
using GpuPool.Operator.Scheduling;
using GpuPool.Operator.Telemetry;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace GpuPool.Operator.Hosting;

/// <summary>The hosted service: watches always run (so a standby replica is ready); the loop runs while leading.</summary>
public sealed class OperatorService(Scheduler scheduler, IClusterPort port, IOptions<OperatorOptions> options, OperatorMetrics metrics, ILogger<OperatorService> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var watchers = scheduler.Watchers.Select(w => w(stoppingToken)).ToList();
        var lease = options.Value.LeaderElection;
        if (lease.Enabled)
        {
            var gate = new LeaderGate(port.LeaseLock(lease.LeaseNamespace, lease.LeaseName, lease.Identity), lease, metrics, logger);
            await gate.RunAsync(scheduler.Loop.RunAsync, stoppingToken);
        }
        else
        {
            metrics.IsLeader.Set(1);
            await scheduler.Loop.RunAsync(stoppingToken);
        }

        await Task.WhenAll(watchers);
    }
}
