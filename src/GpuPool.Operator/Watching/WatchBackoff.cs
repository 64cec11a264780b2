namespace GpuPool.Operator.Watching;

/// <summary>Exponential backoff with full jitter for re-watching after a failure.</summary>
public sealed record WatchBackoff(TimeSpan Initial, TimeSpan Max)
{
    public static WatchBackoff Default { get; } = new(TimeSpan.FromMilliseconds(200), TimeSpan.FromSeconds(30));

    /// <summary>The delay before attempt <paramref name="failures"/> (1 = first retry): uniform in [cap/2, cap].</summary>
    public TimeSpan Delay(int failures, Random random)
    {
        ArgumentNullException.ThrowIfNull(random);
        var exponent = Math.Min(Math.Max(failures - 1, 0), 20);
        var cap = Math.Min(Max.TotalMilliseconds, Initial.TotalMilliseconds * Math.Pow(2, exponent));
        return TimeSpan.FromMilliseconds(cap * (0.5 + (random.NextDouble() / 2)));
    }
}
