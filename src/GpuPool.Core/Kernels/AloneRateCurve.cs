using GpuPool.Core.Gpus;

namespace GpuPool.Core.Kernels;

/// <summary>
/// How fast a kernel runs alone when limited to q blocks per SM, relative to its unlimited run.
/// Measured quota-alone norm_ipc wins; between measured quotas it is interpolated linearly
/// (through 0 at q = 0 and 1 at the occupancy limit); with nothing measured it follows the
/// occupancy curve 1 - (1 - q/qmax)^gamma, gamma fitted on the measured quota runs.
/// </summary>
public sealed class AloneRateCurve
{
    /// <summary>
    /// Gamma fitted by `gpupool calibrate` on the GPUPool artifact's quota-alone runs: the shipped
    /// contention model's, and the predictor's where a profile has no quota runs.
    /// </summary>
    public const double ArtifactOccupancyExponent = 3.3724;

    private readonly GpuModel _gpu;

    public AloneRateCurve(GpuModel gpu, double occupancyExponent)
    {
        ArgumentNullException.ThrowIfNull(gpu);
        if (!(occupancyExponent > 0))
        {
            throw new ArgumentOutOfRangeException(nameof(occupancyExponent), occupancyExponent, "occupancyExponent must be positive.");
        }

        _gpu = gpu;
        OccupancyExponent = occupancyExponent;
    }

    public double OccupancyExponent { get; }

    /// <summary>The blocks per SM the kernel uses unlimited (at least 1).</summary>
    public int FullQuota(KernelProfile kernel)
    {
        ArgumentNullException.ThrowIfNull(kernel);
        return Math.Max(1, kernel.Geometry.MaxBlocksPerSm(_gpu));
    }

    /// <summary>A quota the kernel can actually use: at most its occupancy limit.</summary>
    public int Effective(KernelProfile kernel, int quota)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(quota, 1);
        return Math.Min(quota, FullQuota(kernel));
    }

    public double Rate(KernelProfile kernel, int quota)
    {
        var q = Effective(kernel, quota);
        var full = FullQuota(kernel);
        if (kernel.QuotaCounters.TryGetValue(q, out var measured) && measured.TryGetValue(CounterNames.NormalizedIpc, out var exact))
        {
            return exact;
        }

        if (q == full)
        {
            return 1.0;
        }

        var known = kernel.QuotaCounters
            .Where(kv => kv.Value.ContainsKey(CounterNames.NormalizedIpc) && kv.Key < full)
            .Select(kv => (Quota: (double)kv.Key, Rate: kv.Value[CounterNames.NormalizedIpc]))
            .Append((0.0, 0.0))
            .Append((full, 1.0))
            .OrderBy(p => p.Item1)
            .ToList();
        if (known.Count == 2)
        {
            return Curve(q, full);
        }

        var upper = known.First(p => p.Item1 > q);
        var lower = known.Last(p => p.Item1 < q);
        return lower.Item2 + ((upper.Item2 - lower.Item2) * (q - lower.Item1) / (upper.Item1 - lower.Item1));
    }

    /// <summary>The occupancy curve alone, used where nothing was measured.</summary>
    public double Curve(int quota, int fullQuota) =>
        quota >= fullQuota ? 1.0 : 1.0 - Math.Pow(1.0 - ((double)quota / fullQuota), OccupancyExponent);
}
