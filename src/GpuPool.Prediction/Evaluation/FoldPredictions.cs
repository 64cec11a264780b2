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

    /// <summary>Why this fold's learner was replaced by the training mean; null when it fitted.</summary>
    public string? Fallback { get; init; }

    /// <summary>Co-run rows of the fold with both samples tested (the rows edges are decided on).</summary>
    public int EdgeRows => Rows().Count();

    /// <summary>Edge decisions per co-run row over the QoS grid; a row's two samples are A's then B's.</summary>
    public EdgeCounts Edges(double delta) =>
        Rows().Select(r => EdgeCounts.Of(r.A.Label, r.B.Label, r.PredictedA, r.PredictedB, delta)).Aggregate(default(EdgeCounts), EdgeCounts.Add);

    /// <summary>Edge decisions per co-run row at one QoS target.</summary>
    public EdgeCounts EdgesAt(double qos, double delta) =>
        Rows().Select(r => EdgeCounts.At(qos, r.A.Label, r.B.Label, r.PredictedA, r.PredictedB, delta)).Aggregate(default(EdgeCounts), EdgeCounts.Add);

    private IEnumerable<(PairSample A, PairSample B, double PredictedA, double PredictedB)> Rows() =>
        Samples.Select((s, i) => (s, p: Predicted[i])).GroupBy(x => x.s.Row).Select(g => g.ToArray()).Where(both => both.Length == 2)
            .Select(both => (both[0].s, both[1].s, both[0].p, both[1].p));

    private static double Mean(List<double> errors) => errors.Count == 0 ? 0 : errors.Average();

    private static double MeanAbs(List<double> errors) => errors.Count == 0 ? 0 : errors.Average(Math.Abs);
}
