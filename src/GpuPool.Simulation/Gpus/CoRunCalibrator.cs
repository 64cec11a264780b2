using GpuPool.Core.Datasets;
using GpuPool.Core.Kernels;

namespace GpuPool.Simulation.Gpus;

/// <summary>
/// Fits <see cref="CoRunParameters"/> to a data set: the occupancy exponent to the quota-alone runs
/// (golden-section search on squared error), then the contention weights to the measured co-runs
/// by ridge least squares on -log(NP / alone rate). Deterministic.
/// </summary>
public sealed class CoRunCalibrator
{
    /// <summary>Ridge penalty per sample: keeps weights of rarely-active features from exploding.</summary>
    public const double Ridge = 1e-2;

    private readonly ProfileDataset _dataset;

    public CoRunCalibrator(ProfileDataset dataset)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        _dataset = dataset;
    }

    public CoRunParameters Fit() => Fit(_dataset.Pairs);

    /// <summary>Fits on <paramref name="training"/> only (the held-out pairs of a split stay unseen).</summary>
    public CoRunParameters Fit(IReadOnlyList<KernelPairMeasurement> training)
    {
        ArgumentNullException.ThrowIfNull(training);
        var gamma = FitOccupancyExponent();
        var curve = new AloneRateCurve(_dataset.Gpu, gamma);
        var rows = new List<double[]>();
        var targets = new List<double>();
        foreach (var pair in training)
        {
            var a = _dataset.Profile(pair.KernelA);
            var b = _dataset.Profile(pair.KernelB);
            var loadA = KernelLoad.Of(a, pair.QuotaA, curve, _dataset.Gpu);
            var loadB = KernelLoad.Of(b, pair.QuotaB, curve, _dataset.Gpu);
            rows.Add(ContentionFeatures.Of(loadA, loadB));
            targets.Add(-Math.Log(pair.NpA / loadA.Rate));
            rows.Add(ContentionFeatures.Of(loadB, loadA));
            targets.Add(-Math.Log(pair.NpB / loadB.Rate));
        }

        var weights = rows.Count == 0 ? new double[ContentionFeatures.Count] : RidgeRegression.Fit(rows, targets, Ridge);
        return new CoRunParameters(gamma, weights);
    }

    private double FitOccupancyExponent()
    {
        var curve = new AloneRateCurve(_dataset.Gpu, 1.0);
        var samples = _dataset.Profiles
            .SelectMany(p => p.QuotaCounters
                .Where(kv => kv.Key < curve.FullQuota(p) && kv.Value.ContainsKey(CounterNames.NormalizedIpc))
                .Select(kv => (Quota: kv.Key, Full: curve.FullQuota(p), Rate: kv.Value[CounterNames.NormalizedIpc])))
            .ToList();
        if (samples.Count == 0)
        {
            return CoRunParameters.Default.OccupancyExponent;
        }

        double Error(double gamma)
        {
            var c = new AloneRateCurve(_dataset.Gpu, gamma);
            return samples.Sum(s => Math.Pow(c.Curve(s.Quota, s.Full) - s.Rate, 2));
        }

        return GoldenSection(Error, 0.2, 10.0);
    }

    private static double GoldenSection(Func<double, double> f, double low, double high)
    {
        var ratio = (Math.Sqrt(5) - 1) / 2;
        for (var i = 0; i < 100; i++)
        {
            var x1 = high - (ratio * (high - low));
            var x2 = low + (ratio * (high - low));
            if (f(x1) < f(x2))
            {
                high = x2;
            }
            else
            {
                low = x1;
            }
        }

        return (low + high) / 2;
    }
}
