using GpuPool.Operator.Resources;

namespace GpuPool.Operator.Ports;

/// <summary>A core/v1 Event about a GpuJob.</summary>
public sealed record JobEvent(GpuJob Job, bool Warning, string Reason, string Message);
