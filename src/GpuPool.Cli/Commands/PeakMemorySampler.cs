namespace GpuPool.Cli.Commands;

/// <summary>
/// Samples the managed heap (GC.GetTotalMemory, no collection) every millisecond on a background
/// thread and keeps the largest value: the peak a window reaches between collections.
/// </summary>
internal sealed class PeakMemorySampler : IDisposable
{
    private readonly Thread _thread;
    private volatile bool _stop;
    private long _peakBytes;

    public PeakMemorySampler()
    {
        _peakBytes = GC.GetTotalMemory(false);
        _thread = new Thread(Sample) { IsBackground = true, Priority = ThreadPriority.AboveNormal };
        _thread.Start();
    }

    public double PeakMiB
    {
        get
        {
            Observe();
            return Interlocked.Read(ref _peakBytes) / (1024.0 * 1024.0);
        }
    }

    public void Dispose()
    {
        _stop = true;
        _thread.Join();
    }

    private void Sample()
    {
        while (!_stop)
        {
            Observe();
            Thread.Sleep(1);
        }
    }

    private void Observe()
    {
        var now = GC.GetTotalMemory(false);
        long seen;
        while (now > (seen = Interlocked.Read(ref _peakBytes)) && Interlocked.CompareExchange(ref _peakBytes, now, seen) != seen)
        {
        }
    }
}
