using GpuPool.Core.Datasets;
using GpuPool.Core.Kernels;

namespace GpuPool.Simulation.Gpus;

/// <summary>
/// Fits the contention model to a data set, all on -log(NP / alone rate): the occupancy exponent
/// to the quota-alone runs (golden-section search on squared error); the counter weights alone
/// (ridge; the shipped model for kernels never measured); and the measured-kernel model, counter
/// weights and per-kernel terms together (<see cref="KernelTermFitter"/>), whose options are chosen
/// among <see cref="KernelTermOptions.Candidates"/> by an inner cross-validation over the training
/// co-runs only (folds grouped by kernel pair). Deterministic.
/// </summary>
public sealed class CoRunCalibrator
{
    /// <summary>Folds of the inner split that picks the per-kernel term options.</summary>
    public const int InnerFolds = 4;

    private readonly ProfileDataset _dataset;

    public CoRunCalibrator(ProfileDataset dataset)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        _dataset = dataset;
    }

    public CalibratedFit Fit() => Fit(_dataset.Pairs);

    /// <summary>Fits on <paramref name="training"/> only (the held-out pairs of a split stay unseen).</summary>
    public CalibratedFit Fit(IReadOnlyList<KernelPairMeasurement> training)
    {
        ArgumentNullException.ThrowIfNull(training);
        var gamma = FitOccupancyExponent();
        var curve = new AloneRateCurve(_dataset.Gpu, gamma);
        var samples = Samples(training, curve);
        if (samples.Count == 0)
        {
            return new CalibratedFit(new CoRunParameters(gamma, new double[ContentionFeatures.Count], CoRunParameters.Default.Terms), KernelTerms.None);
        }

        // 1. The counter model alone: what kernels that were never measured get (shipped).
        var counterOnly = new CoRunParameters(gamma, RidgeRegression.Fit([.. samples.Select(s => s.Features)], [.. samples.Select(s => s.Target)], KernelTermFitter.WeightRidge), CoRunParameters.Default.Terms);

        // 2. The measured-kernel model: options by inner cross-validation, then a fit on all of training.
        var options = ChooseTermOptions(samples, counterOnly);
        return new CalibratedFit(new CoRunParameters(gamma, counterOnly.Weights, options), KernelTermFitter.Fit(samples, options));
    }

    /// <summary>
    /// The measured-kernel model of this data set's co-runs with the given (shipped) options: what
    /// a loaded data set adds to the shipped counter model (no co-runs: nothing).
    /// </summary>
    public KernelTerms FitTerms(CoRunParameters parameters)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        var samples = Samples(_dataset.Pairs, new AloneRateCurve(_dataset.Gpu, parameters.OccupancyExponent));
        return samples.Count == 0 ? KernelTerms.None : KernelTermFitter.Fit(samples, parameters.Terms);
    }

    private List<ContentionSample> Samples(IReadOnlyList<KernelPairMeasurement> pairs, AloneRateCurve curve)
    {
        var samples = new List<ContentionSample>(2 * pairs.Count);
        foreach (var pair in pairs)
        {
            var a = KernelLoad.Of(_dataset.Profile(pair.KernelA), pair.QuotaA, curve, _dataset.Gpu);
            var b = KernelLoad.Of(_dataset.Profile(pair.KernelB), pair.QuotaB, curve, _dataset.Gpu);
            samples.Add(ContentionSample.Of(pair.KernelA, a, pair.KernelB, b, pair.NpA));
            samples.Add(ContentionSample.Of(pair.KernelB, b, pair.KernelA, a, pair.NpB));
        }

        return samples;
    }

    private static KernelTermOptions ChooseTermOptions(List<ContentionSample> samples, CoRunParameters counterOnly)
    {
        var keys = samples.Select(s => s.PairKey).Distinct().ToList();
        if (keys.Count < InnerFolds)
        {
            return CoRunParameters.Default.Terms;
        }

        var foldOf = PairKeys.DealFolds(keys, InnerFolds);
        double InnerError(KernelTermOptions options) => Enumerable.Range(0, InnerFolds).SelectMany(fold =>
        {
            var terms = KernelTermFitter.Fit([.. samples.Where(s => foldOf[s.PairKey] != fold)], options);
            return samples.Where(s => foldOf[s.PairKey] == fold)
                .Select(s => Math.Abs(ContentionModel.Rate(s.AloneRate, ContentionModel.Exponent(counterOnly, terms, s)) - s.Np));
        }).Average();

        return KernelTermOptions.Candidates.MinBy(InnerError)!;
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
