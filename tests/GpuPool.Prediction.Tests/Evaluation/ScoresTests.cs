using GpuPool.Prediction.Evaluation;
using GpuPool.Prediction.Training;

namespace GpuPool.Prediction.Tests.Evaluation;

public class ScoresTests
{
    [Fact]
    public void Regression_scores_follow_their_definitions()
    {
        var scores = RegressionScores.Of([0.5, 1.0], [0.6, 0.8]);

        Assert.Equal(0.15, scores.Mae, precision: 9);
        Assert.Equal(Math.Sqrt((0.01 + 0.04) / 2), scores.Rmse, precision: 9);
        Assert.Equal(((0.1 / 0.5) + (0.2 / 1.0)) / 2, scores.MeanRelErr, precision: 9);
        Assert.Equal(1 - (0.05 / 0.125), scores.R2, precision: 9);
    }

    public static TheoryData<double, double, double, double, double, EdgeCounts> EdgeCases => new()
    {
        // Truth: both >= q for q in 0.5..0.8 (4 edges). Prediction with margin 0.1: 0.75 >= q*1.1 for q in 0.5, 0.6.
        { 0.85, 0.8, 0.75, 0.9, 0.1, new EdgeCounts(2, 0, 2) },
        // Over-prediction admits edges that are not there.
        { 0.45, 0.45, 0.9, 0.9, 0.0, new EdgeCounts(0, 5, 0) },
        // Perfect prediction, no margin.
        { 0.65, 0.95, 0.65, 0.95, 0.0, new EdgeCounts(2, 0, 0) },
    };

    [Theory]
    [MemberData(nameof(EdgeCases))]
    public void Edge_counts_compare_the_margin_decision_with_the_measured_one(double measuredA, double measuredB, double predictedA, double predictedB, double delta, EdgeCounts expected) =>
        Assert.Equal(expected, EdgeCounts.Of(measuredA, measuredB, predictedA, predictedB, delta));

    [Fact]
    public void A_measured_np_exactly_at_the_qos_target_meets_it()
    {
        PairSample Sample(int row, double label) => new(row, "a", "b", [], label);
        var predictions = new FoldPredictions("all", [Sample(0, 0.9), Sample(0, 0.9)], [0.95, 0.95]);

        Assert.Equal(new EdgeCounts(4, 0, 1), predictions.Edges(0.1));
    }

    [Fact]
    public void Precision_and_recall_come_from_the_counts()
    {
        var counts = new EdgeCounts(3, 1, 2);

        Assert.Equal(0.75, counts.Precision, precision: 9);
        Assert.Equal(0.6, counts.Recall, precision: 9);
    }

    [Fact]
    public void A_held_out_kernel_fold_splits_own_errors_from_its_partners()
    {
        // Rows: k|a, a|k, k|k (k with itself: both samples are k's own).
        PairSample Sample(int row, string kernel, string partner, float label) => new(row, kernel, partner, [], label);
        var samples = new[]
        {
            Sample(0, "k", "a", 0.5f), Sample(0, "a", "k", 0.8f),
            Sample(1, "b", "k", 0.6f), Sample(1, "k", "b", 0.9f),
            Sample(2, "k", "k", 0.7f), Sample(2, "k", "k", 0.7f),
        };
        var predictions = new FoldPredictions("k", samples, [0.6, 0.6, 0.7, 0.8, 0.7, 0.9]);

        var score = predictions.HeldOut();

        Assert.Equal(("k", 4, 2), (score.Kernel, score.OwnSamples, score.PartnerSamples));
        Assert.Equal((0.1 + 0.1 + 0 + 0.2) / 4, score.OwnMae, precision: 6);
        Assert.Equal((0.1 - 0.1 + 0 + 0.2) / 4, score.OwnBias, precision: 6);
        Assert.Equal((0.2 + 0.1) / 2, score.PartnerMae, precision: 6);
        Assert.Equal((-0.2 + 0.1) / 2, score.PartnerBias, precision: 6);
    }
}
