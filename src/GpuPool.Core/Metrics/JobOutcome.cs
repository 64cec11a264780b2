using GpuPool.Core.Gpus;

namespace GpuPool.Core.Metrics;

/// <summary>What really happened to one job: where it ran, and from when to when.</summary>
public sealed record JobOutcome(string JobId, GpuId Gpu, double QosTarget, double IsolatedSeconds, double StartSeconds, double EndSeconds)
{
    /// <summary>Normalized progress: isolated time over the time it really took (1 = no slowdown).</summary>
    public double Np => Throughput.NormalizedProgress(IsolatedSeconds, EndSeconds - StartSeconds);

    public bool MetQos => Np >= QosTarget - Throughput.QosTolerance;
}
