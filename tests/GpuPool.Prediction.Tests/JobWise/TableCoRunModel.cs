using GpuPool.Core.Kernels;
using GpuPool.Simulation.Gpus;

namespace GpuPool.Prediction.Tests.JobWise;

/// <summary>Seeded random co-run rates per unordered kernel pair (quotas ignored), for timeline comparisons.</summary>
public sealed class TableCoRunModel : ICoRunModel
{
    private readonly Dictionary<(string, string), (double, double)> _rates = [];

    public TableCoRunModel(IReadOnlyList<KernelProfile> kernels, Random random)
    {
        foreach (var a in kernels)
        {
            foreach (var b in kernels.Where(b => string.CompareOrdinal(a.Id, b.Id) <= 0))
            {
                _rates[(a.Id, b.Id)] = (0.3 + (0.7 * random.NextDouble()), 0.3 + (0.7 * random.NextDouble()));
            }
        }
    }

    public double AloneRate(KernelProfile kernel, int quota) => 1.0;

    public (double RateA, double RateB) CoRunRates(KernelProfile a, KernelProfile b, int quotaA, int quotaB)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        return _rates.TryGetValue((a.Id, b.Id), out var forward) ? forward : Swap(_rates[(b.Id, a.Id)]);
    }

    private static (double, double) Swap((double A, double B) r) => (r.B, r.A);
}
