using GpuPool.Operator.Hosting;
using GpuPool.Operator.Telemetry;
using GpuPool.Operator.Tests.Fakes;
using Microsoft.Extensions.Logging.Abstractions;

namespace GpuPool.Operator.Tests.Hosting;

/// <summary>Two replicas on one Lease: only one runs the work at any time.</summary>
public sealed class LeaderGateTests
{
    [Fact]
    public async Task Only_one_of_two_replicas_schedules()
    {
        var cluster = new FakeCluster();
        var options = new LeaderElectionOptions { LeaseDurationSeconds = 3 };
        var running = 0;
        var maxConcurrent = 0;
        var started = new List<string>();
        using var stop = new CancellationTokenSource();

        async Task Work(string who, CancellationToken ct)
        {
            lock (started)
            {
                started.Add(who);
                maxConcurrent = Math.Max(maxConcurrent, ++running);
            }

            try
            {
                await Task.Delay(Timeout.Infinite, ct);
            }
            catch (OperationCanceledException)
            {
                lock (started)
                {
                    running--;
                }
            }
        }

        var metricsA = new OperatorMetrics(Prometheus.Metrics.NewCustomRegistry());
        var metricsB = new OperatorMetrics(Prometheus.Metrics.NewCustomRegistry());
        var a = new LeaderGate(cluster.LeaseLock("ops", "gpupool-operator", "a"), options, metricsA, NullLogger.Instance);
        var b = new LeaderGate(cluster.LeaseLock("ops", "gpupool-operator", "b"), options, metricsB, NullLogger.Instance);
        var runA = a.RunAsync(ct => Work("a", ct), stop.Token);
        await Task.Delay(300);
        var runB = b.RunAsync(ct => Work("b", ct), stop.Token);
        await OperatorHarness.SettleAsync(() => metricsA.IsLeader.Value + metricsB.IsLeader.Value == 1);
        var samples = new List<double>();
        for (var i = 0; i < 10; i++)
        {
            await Task.Delay(100);
            samples.Add(metricsA.IsLeader.Value + metricsB.IsLeader.Value);
        }

        await stop.CancelAsync();
        await Task.WhenAll(runA, runB);

        Assert.Single(started);
        Assert.Equal(1, maxConcurrent);
        Assert.All(samples, leaders => Assert.Equal(1, leaders));
    }
}
