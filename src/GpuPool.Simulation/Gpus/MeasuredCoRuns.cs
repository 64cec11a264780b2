using GpuPool.Core.Datasets;

namespace GpuPool.Simulation.Gpus;

/// <summary>Measured co-run NPs keyed by kernels and quotas, found in either order.</summary>
public sealed class MeasuredCoRuns
{
    private readonly Dictionary<(string, string, int, int), (double, double)> _rates = [];

    public MeasuredCoRuns(IEnumerable<KernelPairMeasurement> measurements)
    {
        ArgumentNullException.ThrowIfNull(measurements);
        foreach (var m in measurements)
        {
            _rates[(m.KernelA, m.KernelB, m.QuotaA, m.QuotaB)] = (m.NpA, m.NpB);
        }
    }

    public int Count => _rates.Count;

    public bool TryGet(string a, string b, int quotaA, int quotaB, out (double RateA, double RateB) rates)
    {
        if (_rates.TryGetValue((a, b, quotaA, quotaB), out var direct))
        {
            rates = direct;
            return true;
        }

        if (_rates.TryGetValue((b, a, quotaB, quotaA), out var swapped))
        {
            rates = (swapped.Item2, swapped.Item1);
            return true;
        }

        rates = default;
        return false;
    }
}
