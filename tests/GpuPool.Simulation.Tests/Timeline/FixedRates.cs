using GpuPool.Core.Kernels;
using GpuPool.Simulation.Gpus;

namespace GpuPool.Simulation.Tests.Timeline;

/// <summary>A co-run model answering from a table keyed by kernel ids, ignoring quotas.</summary>
public sealed class FixedRates(params (string A, string B, double RateA, double RateB)[] table) : ICoRunModel
{
    public double AloneRate(KernelProfile kernel, int quota) => 1.0;

    public (double RateA, double RateB) CoRunRates(KernelProfile a, KernelProfile b, int quotaA, int quotaB)
    {
        foreach (var row in table)
        {
            if (row.A == a.Id && row.B == b.Id)
            {
                return (row.RateA, row.RateB);
            }

            if (row.A == b.Id && row.B == a.Id)
            {
                return (row.RateB, row.RateA);
            }
        }

        throw new KeyNotFoundException($"{a.Id} with {b.Id}");
    }
}
