namespace GpuPool.Prediction.Evaluation;

/// <summary>
/// How well predicted NPs decide pairing edges. For each co-run row and each QoS target q of the
/// grid, the predicted edge is "both predicted NP ≥ q·(1+delta)" and the true edge is "both
/// measured NP ≥ q". Precision: predicted edges that are true; recall: true edges predicted.
/// </summary>
public readonly record struct EdgeCounts(int TruePositives, int FalsePositives, int FalseNegatives)
{
    /// <summary>The paper's QoS targets.</summary>
    public static IReadOnlyList<double> QosGrid { get; } = [0.5, 0.6, 0.7, 0.8, 0.9];

    /// <summary>1 when nothing was predicted (no edge was wrongly admitted).</summary>
    public double Precision => TruePositives + FalsePositives == 0 ? 1.0 : (double)TruePositives / (TruePositives + FalsePositives);

    /// <summary>1 when there was no true edge to find.</summary>
    public double Recall => TruePositives + FalseNegatives == 0 ? 1.0 : (double)TruePositives / (TruePositives + FalseNegatives);

    public static EdgeCounts operator +(EdgeCounts x, EdgeCounts y) =>
        new(x.TruePositives + y.TruePositives, x.FalsePositives + y.FalsePositives, x.FalseNegatives + y.FalseNegatives);

    public static EdgeCounts Add(EdgeCounts x, EdgeCounts y) => x + y;

    /// <summary>Counts one row's decisions over the QoS grid.</summary>
    public static EdgeCounts Of(double measuredA, double measuredB, double predictedA, double predictedB, double delta) =>
        QosGrid.Select(q => At(q, measuredA, measuredB, predictedA, predictedB, delta)).Aggregate(default(EdgeCounts), Add);

    /// <summary>One row's decision at QoS target <paramref name="qos"/>.</summary>
    public static EdgeCounts At(double qos, double measuredA, double measuredB, double predictedA, double predictedB, double delta)
    {
        var truth = measuredA >= qos && measuredB >= qos;
        var margin = qos * (1 + delta);
        var predicted = predictedA >= margin && predictedB >= margin;
        return new EdgeCounts(truth && predicted ? 1 : 0, !truth && predicted ? 1 : 0, truth && !predicted ? 1 : 0);
    }
}
