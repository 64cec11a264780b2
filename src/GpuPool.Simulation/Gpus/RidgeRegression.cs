namespace GpuPool.Simulation.Gpus;

/// <summary>
/// Linear least squares with a small ridge penalty per sample on every weight but the first (the
/// bias), solved exactly through the normal equations. Deterministic: same rows, same weights.
/// </summary>
public static class RidgeRegression
{
    public static double[] Fit(IReadOnlyList<double[]> rows, IReadOnlyList<double> targets, double ridge)
    {
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(targets);
        if (rows.Count == 0 || rows.Count != targets.Count)
        {
            throw new ArgumentException("Need as many targets as rows, and at least one row.", nameof(targets));
        }

        return new RidgeSystem(rows, Penalties(rows[0].Length, ridge * rows.Count)).Solve(targets);
    }

    /// <summary>The bias (column 0) is not penalised: shrinking it would bias every prediction.</summary>
    public static double[] Penalties(int columns, double penalty) =>
        [.. Enumerable.Range(0, columns).Select(i => i == 0 ? 0.0 : penalty)];
}
