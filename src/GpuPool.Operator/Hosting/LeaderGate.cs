using GpuPool.Operator.Telemetry;
using k8s.LeaderElection;
using Microsoft.Extensions.Logging;

namespace GpuPool.Operator.Hosting;

/// <summary>
/// Runs work only while this replica holds the Lease (KubernetesClient's LeaderElector), so two
/// replicas never schedule at once; losing the Lease cancels the work, and the replica then
/// campaigns again.
/// </summary>
public sealed partial class LeaderGate(ILock leaseLock, LeaderElectionOptions options, OperatorMetrics metrics, ILogger logger)
{
    public async Task RunAsync(Func<CancellationToken, Task> work, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(work);
        var duration = TimeSpan.FromSeconds(options.LeaseDurationSeconds);
        while (!cancellationToken.IsCancellationRequested)
        {
            using var leading = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            using var elector = new LeaderElector(new LeaderElectionConfig(leaseLock)
            {
                LeaseDuration = duration,
                RenewDeadline = duration * 2 / 3,
                RetryPeriod = duration / 5,
            });
            Task? running = null;
            elector.OnStartedLeading += () =>
            {
                metrics.ClearLeaderGauges();
                metrics.IsLeader.Set(1);
                LogLeading(leaseLock.Identity);
                running = work(leading.Token);
            };
            elector.OnStoppedLeading += () =>
            {
                metrics.IsLeader.Set(0);
                metrics.ClearLeaderGauges();
                leading.Cancel();
            };
            try
            {
                await elector.RunUntilLeadershipLostAsync(cancellationToken);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                // Shutting down; the Lease expires on its own (the elector does not release it).
            }

            await leading.CancelAsync();
            metrics.IsLeader.Set(0);
            metrics.ClearLeaderGauges();
            if (running is not null)
            {
                await running.ContinueWith(_ => { }, CancellationToken.None, TaskContinuationOptions.None, TaskScheduler.Default);
                LogLost(leaseLock.Identity);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "{Identity} holds the Lease: scheduling")]
    private partial void LogLeading(string identity);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Identity} lost the Lease: scheduling stopped")]
    private partial void LogLost(string identity);
}
