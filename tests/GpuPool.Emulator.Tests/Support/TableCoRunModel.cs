using System.Collections.Concurrent;
using GpuPool.Core.Gpus;
using GpuPool.Core.Kernels;
using GpuPool.Simulation.Gpus;

namespace GpuPool.Emulator.Tests.Support;

/// <summary>
/// TEST DOUBLE of the co-run model, not the calibrated one: alone, a kernel runs at the fraction of
/// its full occupancy its quota allows; together, two kernels run at the rates in a table keyed by
/// kernel ids. Records every quota pair it was asked about.
/// </summary>
public sealed class TableCoRunModel(IReadOnlyDictionary<(string A, string B), (double A, double B)> coRunRates) : ICoRunModel
{
    public ConcurrentQueue<(string A, string B, int QuotaA, int QuotaB)> CoRunCalls { get; } = new();

    public double AloneRate(KernelProfile kernel, int quota)
    {
        ArgumentNullException.ThrowIfNull(kernel);
        return Math.Min(1.0, (double)quota / kernel.Geometry.MaxBlocksPerSm(GpuModel.V100));
    }

    public (double RateA, double RateB) CoRunRates(KernelProfile a, KernelProfile b, int quotaA, int quotaB)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        CoRunCalls.Enqueue((a.Id, b.Id, quotaA, quotaB));
        if (coRunRates.TryGetValue((a.Id, b.Id), out var rates))
        {
            return rates;
        }

        var (rateB, rateA) = coRunRates[(b.Id, a.Id)];
        return (rateA, rateB);
    }
}
