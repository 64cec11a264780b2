using Polly;
using Polly.Retry;

namespace GpuPool.DevicePlugin.Hosting;

/// <summary>
/// Retry forever with capped exponential backoff and jitter: a node agent must outlive a kubelet
/// or API server restart, but must not hammer either while it is down.
/// </summary>
public static class RestartBackoff
{
    public static TimeSpan FirstDelay { get; } = TimeSpan.FromSeconds(1);

    public static TimeSpan MaxDelay { get; } = TimeSpan.FromSeconds(30);

    public static ResiliencePipeline Create(TimeProvider timeProvider, Action<Exception, int, TimeSpan> onRetry)
    {
        ArgumentNullException.ThrowIfNull(onRetry);
        return new ResiliencePipelineBuilder { TimeProvider = timeProvider }
            .AddRetry(new RetryStrategyOptions
            {
                ShouldHandle = args => ValueTask.FromResult(args.Outcome.Exception is not null && !args.Context.CancellationToken.IsCancellationRequested),
                MaxRetryAttempts = int.MaxValue,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = FirstDelay,
                MaxDelay = MaxDelay,
                OnRetry = args =>
                {
                    onRetry(args.Outcome.Exception!, args.AttemptNumber + 1, args.RetryDelay);
                    return default;
                },
            })
            .Build();
    }
}
