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
        Evaluate("in-sample (fit on all)", 1, _ => _ => true),
        GroupedKFold(folds),
        LeaveOneKernelOut(),
    ];

    public CalibrationSplit GroupedKFold(int folds)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(folds, 2);

        var foldOf = PairKeys.DealFolds(_dataset.Pairs.Select(PairKey), folds);
        return Evaluate($"{folds}-fold grouped by kernel pair", folds, fold => p => foldOf[PairKey(p)] == fold);
    }

    public CalibrationSplit LeaveOneKernelOut()
    {
        var kernels = _dataset.Pairs.SelectMany(p => new[] { p.KernelA, p.KernelB }).Distinct().Order(StringComparer.Ordinal).ToList();
        return Evaluate("leave-one-kernel-out", kernels.Count, fold => p => p.KernelA == kernels[fold] || p.KernelB == kernels[fold]);
    }

    private CalibrationSplit Evaluate(string name, int folds, Func<int, Func<KernelPairMeasurement, bool>> heldOutOf)
    {
        var errors = new List<double>();
        for (var fold = 0; fold < folds; fold++)
        {
            var heldOut = heldOutOf(fold);
            var inSample = folds == 1;
            var training = _dataset.Pairs.Where(p => inSample || !heldOut(p)).ToList();
            var fit = _calibrator.Fit(training);
            var model = new ContentionModel(_dataset.Gpu, fit.Parameters, fit.Terms);
            foreach (var pair in _dataset.Pairs.Where(heldOut))
            {
                var (rateA, rateB) = model.CoRunRates(_dataset.Profile(pair.KernelA), _dataset.Profile(pair.KernelB), pair.QuotaA, pair.QuotaB);
                errors.Add(Math.Abs(rateA - pair.NpA));
                errors.Add(Math.Abs(rateB - pair.NpB));
            }
        }

        return new CalibrationSplit(name, folds, errors.Count, errors.Average(), errors.Max());
    }

    private static string PairKey(KernelPairMeasurement pair) => PairKeys.Of(pair.KernelA, pair.KernelB);
}
