using GpuPool.Core.Gpus;
using GpuPool.Core.Kernels;

namespace GpuPool.Prediction.Features;

/// <summary>
/// One side of a co-run: a kernel limited to <see cref="Quota"/> thread blocks per SM. Counters come
/// from the kernel's run alone at that quota when the profile has one (the paper's choice: it shows
/// what the kernel does with the share it really gets), else from its isolated run.
/// </summary>
public sealed class KernelAtQuota
{
    public KernelAtQuota(KernelProfile kernel, int quota, GpuModel gpu)
    {
        ArgumentNullException.ThrowIfNull(kernel);
        ArgumentNullException.ThrowIfNull(gpu);
        if (quota <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(quota), quota, $"Kernel '{kernel.Id}': quota must be positive.");
        }

        Kernel = kernel;
        Quota = quota;
        HasQuotaCounters = kernel.QuotaCounters.TryGetValue(quota, out var atQuota);
        Counters = atQuota ?? kernel.Counters;
        var footprint = kernel.Geometry.Footprint(gpu);
        Threads = quota * footprint.Threads;
        Blocks = quota * footprint.Blocks;
        Registers = quota * footprint.Registers;
        SharedMemory = quota * footprint.SharedMemory;
        var full = kernel.Geometry.MaxBlocksPerSm(gpu);
        OccupancyShare = full > 0 ? Math.Min(1.0, (double)quota / full) : 1.0;
    }

    public KernelProfile Kernel { get; }

    public int Quota { get; }

    public bool HasQuotaCounters { get; }

    public IReadOnlyDictionary<string, double> Counters { get; }

    /// <summary>Fraction of an SM's thread slots the quota holds.</summary>
    public double Threads { get; }

    public double Blocks { get; }

    public double Registers { get; }

    public double SharedMemory { get; }

    /// <summary>The quota as a fraction of the blocks the kernel would hold alone (1 = unconstrained).</summary>
    public double OccupancyShare { get; }

    /// <summary>The most-contended SM resource the quota holds.</summary>
    public double Dominant => Math.Max(Math.Max(Threads, Blocks), Math.Max(Registers, SharedMemory));

    /// <summary>
    /// A counter at this quota; 0 when the profiler did not report it. norm_ipc defaults to 1 for
    /// isolated counters, which are the kernel's full-occupancy run by definition.
    /// </summary>
    public double Counter(string name)
    {
        if (Counters.TryGetValue(name, out var value))
        {
            return value;
        }

        return name == CounterNames.NormalizedIpc && !HasQuotaCounters ? 1.0 : 0.0;
    }
}
