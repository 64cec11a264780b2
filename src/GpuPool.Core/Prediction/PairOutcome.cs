using GpuPool.Core.Sharing;

namespace GpuPool.Core.Prediction;

/// <summary>The NP of job A and job B when they share a GPU under <paramref name="Setting"/> (seen from A).</summary>
public sealed record PairOutcome(SharingSetting Setting, double NpA, double NpB)
{
    /// <summary>The pair's system throughput: both NPs together.</summary>
    public double Stp => NpA + NpB;
}
