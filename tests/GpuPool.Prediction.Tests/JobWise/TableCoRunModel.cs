using GpuPool.Core.Kernels;
using GpuPool.Simulation.Gpus;

namespace GpuPool.Prediction.Tests.JobWise;

/// <summary>Seeded random co-run rates per unordered kernel pair and alone rates per kernel (quotas ignored), for timeline comparisons.</summary>
public sealed class TableCoRunModel : ICoRunModel
{
    private readonly Dictionary<(string, string), (double, double)> _rates = [];
    private readonly Dictionary<string, double> _alone = [];

    public TableCoRunModel(IReadOnlyList<KernelProfile> kernels, Random random)
    {
        foreach (var a in kernels)
        {
            _alone[a.Id] = 0.4 + (0.6 * random.NextDouble());
            foreach (var b in kernels.Where(b => string.CompareOrdinal(a.Id, b.Id) <= 0))
            {
                _rates[(a.Id, b.Id)] = (0.3 + (0.7 * random.NextDouble()), 0.3 + (0.7 * random.NextDouble()));
            }
        }
    }

    public double AloneRate(KernelProfile kernel, int quota) => _alone[kernel.Id];

    /// <summary>A job's seconds per isolated second alone: its iteration's mix of alone rates.</summary>
    public double AloneSlowness(Core.Jobs.Job job)
    {
        ArgumentNullException.ThrowIfNull(job);
        return job.Kernels.Sum(k => k.IsolatedSeconds / AloneRate(k, 1)) / job.Kernels.Sum(k => k.IsolatedSeconds);
    }

    public (double RateA, double RateB) CoRunRates(KernelProfile a, KernelProfile b, int quotaA, int quotaB)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        return _rates.TryGetValue((a.Id, b.Id), out var forward) ? forward : Swap(_rates[(b.Id, a.Id)]);
    }

    private static (double, double) Swap((double A, double B) r) => (r.B, r.A);
}
