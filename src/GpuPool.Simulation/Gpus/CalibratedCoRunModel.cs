using GpuPool.Core.Datasets;
using GpuPool.Core.Gpus;
using GpuPool.Core.Kernels;

namespace GpuPool.Simulation.Gpus;

/// <summary>
/// The simulated GPU's ground truth: a measured co-run (same kernels, same quotas) returns its
/// measured NPs; anything else goes to the calibrated <see cref="ContentionModel"/>. Results are
/// cached per (kernels, quotas) since the timeline asks for the same pairs many times.
/// </summary>
public sealed class CalibratedCoRunModel : ICoRunModel
{
    private readonly MeasuredCoRuns _measured;
    private readonly Dictionary<(string, string, int, int), (double, double)> _cache = [];
    private readonly Lock _gate = new();

    public CalibratedCoRunModel(GpuModel gpu, CoRunParameters parameters, IEnumerable<KernelPairMeasurement> measured, KernelTerms? terms = null)
    {
        Contention = new ContentionModel(gpu, parameters, terms);
        _measured = new MeasuredCoRuns(measured);
    }

    public ContentionModel Contention { get; }

    /// <summary>
    /// Ground truth for a data set: its measurements, and elsewhere the shipped parameters plus
    /// per-kernel terms fitted here on the data set's own co-runs (none: the counter model alone).
    /// </summary>
    public static CalibratedCoRunModel For(ProfileDataset dataset, CoRunParameters? parameters = null)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        var shipped = parameters ?? CoRunParameters.Default;
        return new CalibratedCoRunModel(dataset.Gpu, shipped, dataset.Pairs, new CoRunCalibrator(dataset).FitTerms(shipped));
    }

    public double AloneRate(KernelProfile kernel, int quota) => Contention.AloneRate(kernel, quota);

    public (double RateA, double RateB) CoRunRates(KernelProfile a, KernelProfile b, int quotaA, int quotaB)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        var key = (a.Id, b.Id, quotaA, quotaB);
        lock (_gate)
        {
            if (_cache.TryGetValue(key, out var cached))
            {
                return cached;
            }
        }

        var rates = _measured.TryGet(a.Id, b.Id, quotaA, quotaB, out var measured) ? measured : Contention.CoRunRates(a, b, quotaA, quotaB);
        lock (_gate)
        {
            _cache[key] = rates;
        }

        return rates;
    }
}
