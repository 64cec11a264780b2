namespace GpuPool.Simulation.Gpus;

/// <summary>
/// The Cholesky factor L of a symmetric positive definite matrix A = L L', computed once so that
/// many right-hand sides are solved cheaply (ridge normal equations, kernel ridge systems).
/// </summary>
public sealed class CholeskyFactor
{
    // Lower triangle by rows: row i holds L[i, 0..i], so every inner product runs over contiguous memory.
    private readonly double[][] _rows;

    /// <summary>Factorises <paramref name="a"/>; only its lower triangle (j &lt;= i) is read.</summary>
    public CholeskyFactor(double[,] a)
    {
        ArgumentNullException.ThrowIfNull(a);
        var n = a.GetLength(0);
        if (a.GetLength(1) != n)
        {
            throw new ArgumentException($"The matrix must be square, got {n} x {a.GetLength(1)}.", nameof(a));
        }

        var scale = 0.0;
        for (var i = 0; i < n; i++)
        {
            scale = Math.Max(scale, Math.Abs(a[i, i]));
        }

        _rows = new double[n][];
        for (var i = 0; i < n; i++)
        {
            var row = _rows[i] = new double[i + 1];
            for (var j = 0; j <= i; j++)
            {
                var sum = a[i, j] - Vectors.Dot(row.AsSpan(0, j), _rows[j].AsSpan(0, j));
                if (i != j)
                {
                    row[j] = sum / _rows[j][j];
                }
                else if (sum > 1e-12 * Math.Max(scale, 1e-300))
                {
                    row[i] = Math.Sqrt(sum);
                }
                else
                {
                    throw new SingularSystemException();
                }
            }
        }
    }

    public int Size => _rows.Length;

    /// <summary>Solves A x = b: L z = b, then L' x = z.</summary>
    public double[] Solve(IReadOnlyList<double> b)
    {
        ArgumentNullException.ThrowIfNull(b);
        var n = Size;
        if (b.Count != n)
        {
            throw new ArgumentException($"Need {n} right-hand-side values, got {b.Count}.", nameof(b));
        }

        var x = b.ToArray();
        for (var i = 0; i < n; i++)
        {
            x[i] = (x[i] - Vectors.Dot(_rows[i].AsSpan(0, i), x.AsSpan(0, i))) / _rows[i][i];
        }

        // L' by rows of L: once x[i] is final, take its share out of every earlier entry.
        for (var i = n - 1; i >= 0; i--)
        {
            x[i] /= _rows[i][i];
            for (var k = 0; k < i; k++)
            {
                x[k] -= _rows[i][k] * x[i];
            }
        }

        return x;
    }
}
