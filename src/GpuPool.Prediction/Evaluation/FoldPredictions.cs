using GpuPool.Prediction.Training;

namespace GpuPool.Prediction.Evaluation;

/// <summary>Out-of-fold predictions: the test samples of one fold and what the model said for each.</summary>
public sealed record FoldPredictions(string Fold, IReadOnlyList<PairSample> Samples, IReadOnlyList<double> Predicted)
{
    public RegressionScores Scores() => RegressionScores.Of([.. Samples.Select(s => (double)s.Label)], Predicted);

    /// <summary>
    /// Errors of the held-out kernel's own samples and of its partners' (a leave-one-kernel-out
    /// fold, named after the kernel). A kernel paired with itself counts as its own sample.
    /// </summary>
    public HeldOutKernelScore HeldOut()
    {
        var errors = Samples.Select((s, i) => (Own: s.Kernel == Fold, Error: Predicted[i] - s.Label)).ToList();
        var own = errors.Where(e => e.Own).Select(e => e.Error).ToList();
        var partners = errors.Where(e => !e.Own).Select(e => e.Error).ToList();
        return new HeldOutKernelScore(Fold, own.Count, MeanAbs(own), Mean(own), partners.Count, MeanAbs(partners), Mean(partners));
    }

    /// <summary>Edge decisions per co-run row; a row's two samples are A's then B's.</summary>
    public EdgeCounts Edges(double delta)
    {
        var counts = default(EdgeCounts);
        var byRow = Samples.Select((s, i) => (s, p: Predicted[i])).GroupBy(x => x.s.Row);
        foreach (var row in byRow)
        {
            var both = row.ToArray();
            if (both.Length == 2)
            {
                counts += EdgeCounts.Of(both[0].s.Label, both[1].s.Label, both[0].p, both[1].p, delta);
            }
        }

        return counts;
    }

    private static double Mean(List<double> errors) => errors.Count == 0 ? 0 : errors.Average();

    private static double MeanAbs(List<double> errors) => errors.Count == 0 ? 0 : errors.Average(Math.Abs);
}
