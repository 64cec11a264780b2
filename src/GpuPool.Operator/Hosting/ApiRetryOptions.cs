namespace GpuPool.Operator.Hosting;

/// <summary>Retries of API writes on 429, 5xx and timeouts (section GpuPool:Operator:ApiRetry).</summary>
public sealed class ApiRetryOptions
{
    /// <summary>Retries after the first attempt.</summary>
    public int MaxRetries { get; set; } = 5;

    /// <summary>First backoff; doubles per retry, with jitter.</summary>
    public double BaseDelaySeconds { get; set; } = 0.2;

    /// <summary>Timeout of one attempt.</summary>
    public double AttemptTimeoutSeconds { get; set; } = 10;
}
