namespace GpuPool.Simulation.Gpus;

/// <summary>
/// Linear least squares with a small ridge penalty, solved exactly through the normal equations
/// (Gaussian elimination with partial pivoting). Deterministic: same rows, same weights.
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

        var n = rows[0].Length;
        var a = new double[n, n + 1];
        for (var r = 0; r < rows.Count; r++)
        {
            for (var i = 0; i < n; i++)
            {
                for (var j = 0; j < n; j++)
                {
                    a[i, j] += rows[r][i] * rows[r][j];
                }

                a[i, n] += rows[r][i] * targets[r];
            }
        }

        // The bias (column 0) is not penalised: shrinking it would bias every prediction.
        for (var i = 1; i < n; i++)
        {
            a[i, i] += ridge * rows.Count;
        }

        return Solve(a, n);
    }

    private static double[] Solve(double[,] a, int n)
    {
        for (var col = 0; col < n; col++)
        {
            var pivot = col;
            for (var r = col + 1; r < n; r++)
            {
                if (Math.Abs(a[r, col]) > Math.Abs(a[pivot, col]))
                {
                    pivot = r;
                }
            }

            for (var c = 0; c <= n; c++)
            {
                (a[col, c], a[pivot, c]) = (a[pivot, c], a[col, c]);
            }

            var diagonal = a[col, col];
            if (Math.Abs(diagonal) < 1e-12)
            {
                throw new InvalidOperationException("The calibration system is singular; add ridge or data.");
            }

            for (var r = 0; r < n; r++)
            {
                if (r == col)
                {
                    continue;
                }

                var factor = a[r, col] / diagonal;
                for (var c = col; c <= n; c++)
                {
                    a[r, c] -= factor * a[col, c];
                }
            }
        }

        var x = new double[n];
        for (var i = 0; i < n; i++)
        {
            x[i] = a[i, n] / a[i, i];
        }

        return x;
    }
}
