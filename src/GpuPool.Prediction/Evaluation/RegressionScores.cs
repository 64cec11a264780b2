namespace GpuPool.Prediction.Evaluation;

/// <summary>Errors of predicted against measured NP over a set of samples.</summary>
public sealed record RegressionScores(int Samples, double Mae, double Rmse, double MeanRelErr, double R2)
{
    public static RegressionScores Of(IReadOnlyList<double> measured, IReadOnlyList<double> predicted)
    {
        ArgumentNullException.ThrowIfNull(measured);
        ArgumentNullException.ThrowIfNull(predicted);
        if (measured.Count != predicted.Count || measured.Count == 0)
        {
            throw new ArgumentException($"Need as many predictions as measurements, at least one (got {predicted.Count} and {measured.Count}).", nameof(predicted));
        }

        var n = measured.Count;
        var mean = measured.Average();
        double abs = 0, squared = 0, relative = 0, total = 0;
        for (var i = 0; i < n; i++)
        {
            var error = predicted[i] - measured[i];
            abs += Math.Abs(error);
            squared += error * error;
            relative += Math.Abs(error) / measured[i];
            total += (measured[i] - mean) * (measured[i] - mean);
        }

        return new RegressionScores(n, abs / n, Math.Sqrt(squared / n), relative / n, total > 0 ? 1 - (squared / total) : 0);
    }

    /// <summary>The unweighted mean of each score over folds (each fold counts once).</summary>
    public static RegressionScores MeanOver(IReadOnlyList<RegressionScores> folds)
    {
        ArgumentNullException.ThrowIfNull(folds);
        return new RegressionScores(
            folds.Sum(f => f.Samples),
            folds.Average(f => f.Mae),
            folds.Average(f => f.Rmse),
            folds.Average(f => f.MeanRelErr),
            folds.Average(f => f.R2));
    }
}
