namespace GpuPool.Emulator;

/// <summary>Simulated seconds since start: real elapsed time times the configured scale.</summary>
public sealed class EmulatorClock
{
    // Longest single wait; keeps TimeSpan arithmetic far from overflow for absurd scales.
    private static readonly TimeSpan MaxWait = TimeSpan.FromHours(1);

    private readonly TimeProvider _timeProvider;
    private readonly long _start;

    public EmulatorClock(TimeProvider timeProvider, double scale)
    {
        if (!(scale > 0) || double.IsInfinity(scale))
        {
            throw new ArgumentOutOfRangeException(nameof(scale), scale, "The time scale must be positive and finite.");
        }

        _timeProvider = timeProvider ?? throw new ArgumentNullException(nameof(timeProvider));
        Scale = scale;
        _start = timeProvider.GetTimestamp();
    }

    public double Scale { get; }

    public TimeProvider TimeProvider => _timeProvider;

    public double Now => _timeProvider.GetElapsedTime(_start).TotalSeconds * Scale;

    /// <summary>Real time to wait until simulated time <paramref name="simulatedSeconds"/>.</summary>
    public TimeSpan WaitUntil(double simulatedSeconds)
    {
        var seconds = (simulatedSeconds - Now) / Scale;
        return seconds <= 0 ? TimeSpan.Zero : seconds >= MaxWait.TotalSeconds ? MaxWait : TimeSpan.FromSeconds(seconds);
    }
}
