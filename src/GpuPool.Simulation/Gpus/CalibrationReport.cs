using GpuPool.Core.Datasets;

namespace GpuPool.Simulation.Gpus;

/// <summary>
/// How well the contention model predicts measured co-runs it was not fitted on: NP mean absolute
/// error over held-out pairs, for k folds grouped by kernel pair (all quotas of a pair stay
/// together) and for leave-one-kernel-out (every pair involving the kernel is held out).
/// </summary>
public sealed class CalibrationReport
{
    private readonly ProfileDataset _dataset;
    private readonly CoRunCalibrator _calibrator;

    public CalibrationReport(ProfileDataset dataset)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        _dataset = dataset;
        _calibrator = new CoRunCalibrator(dataset);
    }

    public IReadOnlyList<CalibrationSplit> Run(int folds = 5) =>
    [
        .. Evaluate(1, _ => _ => true, ("in-sample (fit on all)", WithTerms)),
        GroupedKFold(folds),
        .. LeaveOneKernelOut(),
    ];

    public CalibrationSplit GroupedKFold(int folds)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(folds, 2);

        var foldOf = PairKeys.DealFolds(_dataset.Pairs.Select(PairKey), folds);
        return Evaluate(folds, fold => p => foldOf[PairKey(p)] == fold, ($"{folds}-fold grouped by kernel pair", WithTerms))[0];
    }

    /// <summary>
    /// Leave-one-kernel-out twice from the same fits: the full model (the held-out kernel has no
    /// terms, its partner has) and the shipped counter model alone (what two unmeasured kernels,
    /// e.g. the synthetic default workload, get).
    /// </summary>
    public IReadOnlyList<CalibrationSplit> LeaveOneKernelOut()
    {
        var kernels = _dataset.Pairs.SelectMany(p => new[] { p.KernelA, p.KernelB }).Distinct().Order(StringComparer.Ordinal).ToList();
        return Evaluate(
            kernels.Count,
            fold => p => p.KernelA == kernels[fold] || p.KernelB == kernels[fold],
            ("leave-one-kernel-out", WithTerms),
            ("leave-one-kernel-out, counters only", fit => new ContentionModel(_dataset.Gpu, fit.Parameters)));
    }

    private ContentionModel WithTerms(CalibratedFit fit) => new(_dataset.Gpu, fit.Parameters, fit.Terms);

    private List<CalibrationSplit> Evaluate(int folds, Func<int, Func<KernelPairMeasurement, bool>> heldOutOf, params (string Name, Func<CalibratedFit, ContentionModel> Model)[] variants)
    {
        var errors = variants.Select(_ => new List<double>()).ToList();
        for (var fold = 0; fold < folds; fold++)
        {
            var heldOut = heldOutOf(fold);
            var inSample = folds == 1;
            var fit = _calibrator.Fit([.. _dataset.Pairs.Where(p => inSample || !heldOut(p))]);
            for (var v = 0; v < variants.Length; v++)
            {
                var model = variants[v].Model(fit);
                foreach (var pair in _dataset.Pairs.Where(heldOut))
                {
                    var (rateA, rateB) = model.CoRunRates(_dataset.Profile(pair.KernelA), _dataset.Profile(pair.KernelB), pair.QuotaA, pair.QuotaB);
                    errors[v].Add(Math.Abs(rateA - pair.NpA));
                    errors[v].Add(Math.Abs(rateB - pair.NpB));
                }
            }
        }

        return [.. variants.Select((v, i) => new CalibrationSplit(v.Name, folds, errors[i].Count, errors[i].Average(), errors[i].Max()))];
    }

    private static string PairKey(KernelPairMeasurement pair) => PairKeys.Of(pair.KernelA, pair.KernelB);
}
