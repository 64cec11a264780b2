using Prometheus;

namespace GpuPool.Operator.Watching;

/// <summary>The metric series one watched kind writes: failed streams and objects it cannot read.</summary>
public sealed record WatchTelemetry(Counter.Child Errors, Gauge.Child Unreadable);
