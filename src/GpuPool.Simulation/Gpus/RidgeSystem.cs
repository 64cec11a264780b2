namespace GpuPool.Simulation.Gpus;

/// <summary>
/// The normal equations (X'X + diag(penalties)) w = X'y of ridge least squares, factorised once
/// (Cholesky) so that many target vectors over the same rows are solved cheaply, as alternating
/// fits need. Deterministic: same rows, same weights.
/// </summary>
public sealed class RidgeSystem
{
    private readonly IReadOnlyList<double[]> _rows;
    private readonly CholeskyFactor _factor;

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
        _factor = new CholeskyFactor(Gram(rows, penalties));
    }

    public int Columns => _factor.Size;

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

        return _factor.Solve(x);
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
}
