using GpuPool.Operator.Hosting;
using GpuPool.Operator.Ports;
using GpuPool.Operator.Telemetry;
using Polly;
using Polly.Retry;
using Polly.Timeout;

namespace GpuPool.Operator.Resilience;

/// <summary>
/// Runs API writes through one Polly pipeline: a per-attempt timeout inside exponential retries
/// with jitter, for 429, 5xx and transport failures only. A 409 (<see cref="ApiConflictException"/>)
/// is a lost race and goes straight to the caller, which decides what it means; any other refusal
/// (400, 403, 422) is counted in gpupool_api_refused_writes_total and goes to the caller too.
/// </summary>
public sealed class ApiWriter
{
    private readonly ResiliencePipeline _pipeline;
    private readonly OperatorMetrics _metrics;

    public ApiWriter(ApiRetryOptions options, OperatorMetrics metrics, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(metrics);
        _metrics = metrics;
        _pipeline = new ResiliencePipelineBuilder { TimeProvider = time }
            .AddRetry(new RetryStrategyOptions
            {
                ShouldHandle = new PredicateBuilder()
                    .Handle<TransientApiException>()
                    .Handle<TimeoutRejectedException>()
                    .Handle<HttpRequestException>(),
                MaxRetryAttempts = options.MaxRetries,
                Delay = TimeSpan.FromSeconds(options.BaseDelaySeconds),
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                OnRetry = args =>
                {
                    metrics.ApiRetries.WithLabels(args.Context.OperationKey ?? "unknown").Inc();
                    return default;
                },
            })
            .AddTimeout(TimeSpan.FromSeconds(options.AttemptTimeoutSeconds))
            .Build();
    }

    /// <summary>Runs <paramref name="call"/>; <paramref name="operation"/> is the retry counter's label (a fixed name).</summary>
    public async Task<T> RunAsync<T>(string operation, Func<CancellationToken, Task<T>> call, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(call);
        var context = ResilienceContextPool.Shared.Get(operation, cancellationToken);
        try
        {
            return await _pipeline.ExecuteAsync(async ctx => await call(ctx.CancellationToken), context);
        }
        catch (ApiRefusedException)
        {
            _metrics.RefusedWrites.WithLabels(operation).Inc();
            throw;
        }
        finally
        {
            ResilienceContextPool.Shared.Return(context);
        }
    }

    public Task RunAsync(string operation, Func<CancellationToken, Task> call, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(call);
        return RunAsync(
            operation,
            async ct =>
            {
                await call(ct);
                return true;
            },
            cancellationToken);
    }

    /// <summary>True for a failure the pipeline gave up on (retries spent): the caller forgets and requeues.</summary>
    public static bool IsExhausted(Exception error) =>
        error is TransientApiException or TimeoutRejectedException or HttpRequestException;
}
