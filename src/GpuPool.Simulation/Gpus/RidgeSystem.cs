namespace GpuPool.Simulation.Gpus;

/// <summary>
/// The normal equations (X'X + diag(penalties)) w = X'y of ridge least squares, factorised once
/// (Cholesky) so that many target vectors over the same rows are solved cheaply, as alternating
/// fits need. Deterministic: same rows, same weights.
/// </summary>
public sealed class RidgeSystem
{
    private readonly IReadOnlyList<double[]> _rows;
    private readonly double[,] _factor;

    public RidgeSystem(IReadOnlyList<double[]> rows, IReadOnlyList<double> penalties)
    {
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(penalties);
        if (rows.Count == 0)
        {
            throw new ArgumentException("Need at least one row.", nameof(rows));
        }

        var n = penalties.Count;
        if (rows.Any(r => r.Length != n))
        {
            throw new ArgumentException($"Every row needs {n} values, one per penalty.", nameof(rows));
        }

        _rows = rows;
        _factor = Factorise(Gram(rows, penalties), n);
    }

    public int Columns => _factor.GetLength(0);

    public double[] Solve(IReadOnlyList<double> targets)
    {
        ArgumentNullException.ThrowIfNull(targets);
        if (targets.Count != _rows.Count)
        {
            throw new ArgumentException($"Need one target per row ({_rows.Count}), got {targets.Count}.", nameof(targets));
        }

        var n = Columns;
        var x = new double[n];
        for (var r = 0; r < _rows.Count; r++)
        {
            var row = _rows[r];
            for (var i = 0; i < n; i++)
            {
                x[i] += row[i] * targets[r];
            }
        }

        // L z = X'y, then L' w = z.
        for (var i = 0; i < n; i++)
        {
            for (var k = 0; k < i; k++)
            {
                x[i] -= _factor[i, k] * x[k];
            }

            x[i] /= _factor[i, i];
        }

        for (var i = n - 1; i >= 0; i--)
        {
            for (var k = i + 1; k < n; k++)
            {
                x[i] -= _factor[k, i] * x[k];
            }

            x[i] /= _factor[i, i];
        }

        return x;
    }

    private static double[,] Gram(IReadOnlyList<double[]> rows, IReadOnlyList<double> penalties)
    {
        var n = penalties.Count;
        var a = new double[n, n];
        foreach (var row in rows)
        {
            // Rows are mostly zeros (one kernel's block of many): skip them in the outer loop.
            for (var i = 0; i < n; i++)
            {
                if (row[i] == 0)
                {
                    continue;
                }

                for (var j = 0; j <= i; j++)
                {
                    a[i, j] += row[i] * row[j];
                }
            }
        }

        for (var i = 0; i < n; i++)
        {
            a[i, i] += penalties[i];
        }

        return a;
    }

    private static double[,] Factorise(double[,] a, int n)
    {
        var scale = 0.0;
        for (var i = 0; i < n; i++)
        {
            scale = Math.Max(scale, Math.Abs(a[i, i]));
        }

        var l = new double[n, n];
        for (var i = 0; i < n; i++)
        {
            for (var j = 0; j <= i; j++)
            {
                var sum = a[i, j];
                for (var k = 0; k < j; k++)
                {
                    sum -= l[i, k] * l[j, k];
                }

                if (i != j)
                {
                    l[i, j] = sum / l[j, j];
                }
                else if (sum > 1e-12 * Math.Max(scale, 1e-300))
                {
                    l[i, i] = Math.Sqrt(sum);
                }
                else
                {
                    throw new InvalidOperationException("The calibration system is singular; add ridge or data.");
                }
            }
        }

        return l;
    }
}
