using MathNet.Numerics.LinearAlgebra;
using MathNet.Numerics.LinearAlgebra.Factorization;

namespace GpuPool.Simulation.Gpus;

/// <summary>
/// The normal equations (X'X + diag(penalties)) w = X'y of ridge least squares, factorised once
/// (Cholesky) so that many target vectors over the same rows are solved cheaply, as alternating
/// fits need. Deterministic: same rows, same weights.
/// </summary>
public sealed class RidgeSystem
{
    private readonly Matrix<double> _rows;
    private readonly Cholesky<double> _factor;

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

        _rows = Matrix<double>.Build.DenseOfRowArrays(rows);
        var gram = _rows.TransposeThisAndMultiply(_rows) + Matrix<double>.Build.DenseOfDiagonalArray([.. penalties]);
        _factor = PositiveDefinite.Factor(gram);
    }

    public int Columns => _rows.ColumnCount;

    public double[] Solve(IReadOnlyList<double> targets)
    {
        ArgumentNullException.ThrowIfNull(targets);
        if (targets.Count != _rows.RowCount)
        {
            throw new ArgumentException($"Need one target per row ({_rows.RowCount}), got {targets.Count}.", nameof(targets));
        }

        return _factor.Solve(_rows.TransposeThisAndMultiply(Vector<double>.Build.DenseOfEnumerable(targets))).ToArray();
    }
}
