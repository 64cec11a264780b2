using GpuPool.Core.Caching;
using GpuPool.Operator.Telemetry;

namespace GpuPool.Operator.Scheduling;

/// <summary>
/// The caches a window's plan reads and fills (translations, prediction memos, pair decisions):
/// cut back to their bounds before the plan, while nothing predicts, and reported as gauges after it.
/// </summary>
public sealed class WindowCaches(IReadOnlyList<IBoundedCache> caches, OperatorMetrics metrics)
{
    public void Trim()
    {
        foreach (var cache in caches)
        {
            if (cache.Trim())
            {
                metrics.CacheResets.WithLabels(cache.Sizes[0].Part).Inc();
            }
        }
    }

    public void Report()
    {
        foreach (var size in caches.SelectMany(c => c.Sizes))
        {
            metrics.CacheEntries.WithLabels(size.Part).Set(size.Entries);
        }
    }
}
