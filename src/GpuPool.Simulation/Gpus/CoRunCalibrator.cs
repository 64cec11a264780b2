using GpuPool.Core.Datasets;
using GpuPool.Core.Kernels;
using MathNet.Numerics.Optimization;

namespace GpuPool.Simulation.Gpus;

/// <summary>
/// Fits the contention model to a data set, all on -log(NP / alone rate): the occupancy exponent
/// to the quota-alone runs (golden-section search on squared error); the counter weights alone
/// (ridge; the shipped model for kernels never measured); and the measured-kernel model, counter
/// weights and per-kernel terms together (<see cref="KernelTermFitter"/>), whose options are chosen
/// among <see cref="KernelTermOptions.Candidates"/> by an inner cross-validation over the training
/// co-runs only (folds grouped by kernel pair); and the measured-kernel model's
/// <see cref="ExponentCorrection"/>, fitted on the out-of-fold residuals of that same inner split,
/// its options (or none) chosen by the same folds. Deterministic.
/// </summary>
public sealed class CoRunCalibrator
{
    /// <summary>Folds of the inner split that picks the per-kernel term options.</summary>
    public const int InnerFolds = 4;

    /// <summary>Width of the final bracket of the occupancy exponent (far below the 4 places it is shown to).</summary>
    private const double GoldenSectionTolerance = 1e-10;

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
        var folds = InnerFolding(samples);
        if (folds is null)
        {
            return new CalibratedFit(new CoRunParameters(gamma, counterOnly.Weights, CoRunParameters.Default.Terms), KernelTermFitter.Fit(samples, CoRunParameters.Default.Terms));
        }

        var (options, outOfFold) = KernelTermOptions.Candidates
            .Select(o => (Options: o, Exponents: OutOfFold(samples, folds, o, counterOnly)))
            .MinBy(c => NpError(samples, c.Exponents));
        var terms = KernelTermFitter.Fit(samples, options);

        // 3. The correction, on the out-of-fold residuals of step 2 (the error of predicting an unseen pair).
        var correction = ChooseCorrection(samples, folds, outOfFold);
        return new CalibratedFit(
            new CoRunParameters(gamma, counterOnly.Weights, options, correction),
            correction is null ? terms : terms.WithCorrection(ExponentCorrection.Fit(samples, outOfFold, correction)));
    }

    /// <summary>
    /// The measured-kernel model of this data set's co-runs with the given (shipped) options: what
    /// a loaded data set adds to the shipped counter model (no co-runs: nothing).
    /// </summary>
    public KernelTerms FitTerms(CoRunParameters parameters)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        var samples = Samples(_dataset.Pairs, new AloneRateCurve(_dataset.Gpu, parameters.OccupancyExponent));
        if (samples.Count == 0)
        {
            return KernelTerms.None;
        }

        var terms = KernelTermFitter.Fit(samples, parameters.Terms);
        var folds = InnerFolding(samples);
        return parameters.Correction is null || folds is null
            ? terms
            : terms.WithCorrection(ExponentCorrection.Fit(samples, OutOfFold(samples, folds, parameters.Terms, parameters), parameters.Correction));
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

    /// <summary>Each sample's inner fold, pairs dealt as in every grouped split; null with too few pairs to split.</summary>
    private static int[]? InnerFolding(List<ContentionSample> samples)
    {
        var foldOf = PairKeys.DealFolds(samples.Select(s => s.PairKey), InnerFolds);
        return foldOf.Count < InnerFolds ? null : [.. samples.Select(s => foldOf[s.PairKey])];
    }

    /// <summary>Each fold's samples predicted by a fit on the other folds.</summary>
    private static double[] CrossFitted(List<ContentionSample> samples, int[] folds, Func<List<int>, Func<int, double>> fitOn)
    {
        var predictions = new double[samples.Count];
        for (var fold = 0; fold < InnerFolds; fold++)
        {
            var predict = fitOn([.. Enumerable.Range(0, samples.Count).Where(i => folds[i] != fold)]);
            for (var i = 0; i < samples.Count; i++)
            {
                if (folds[i] == fold)
                {
                    predictions[i] = predict(i);
                }
            }
        }

        return predictions;
    }

    private static double[] OutOfFold(List<ContentionSample> samples, int[] folds, KernelTermOptions options, CoRunParameters counters) =>
        CrossFitted(samples, folds, training =>
        {
            var terms = KernelTermFitter.Fit([.. training.Select(i => samples[i])], options);
            return i => ContentionModel.Exponent(counters, terms, samples[i]);
        });

    /// <summary>The correction options with the least inner-fold NP error, or null where none beats no correction.</summary>
    private static SmootherOptions? ChooseCorrection(List<ContentionSample> samples, int[] folds, double[] outOfFold)
    {
        double Error(SmootherOptions options) => NpError(samples, CrossFitted(samples, folds, training =>
        {
            var correction = ExponentCorrection.Fit([.. training.Select(i => samples[i])], [.. training.Select(i => outOfFold[i])], options);
            return i => outOfFold[i] + correction.Of(samples[i], outOfFold[i]);
        }));

        var best = SmootherOptions.Candidates.Select(o => (Options: o, Error: Error(o))).MinBy(c => c.Error);
        return best.Error < NpError(samples, outOfFold) ? best.Options : null;
    }

    private static double NpError(List<ContentionSample> samples, double[] exponents) =>
        samples.Select((s, i) => Math.Abs(ContentionModel.Rate(s.AloneRate, exponents[i]) - s.Np)).Average();

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

    /// <summary>
    /// The minimum of <paramref name="f"/> on [low, high]; where the bounds bracket none (the
    /// error falls all the way to one bound) that bound, not a point outside the range.
    /// </summary>
    private static double GoldenSection(Func<double, double> f, double low, double high)
    {
        try
        {
            return GoldenSectionMinimizer.Minimum(ObjectiveFunction.ScalarValue(f), low, high, GoldenSectionTolerance, maxExpansionSteps: 0).MinimizingPoint;
        }
        catch (OptimizationException)
        {
            return f(low) <= f(high) ? low : high;
        }
    }
}
