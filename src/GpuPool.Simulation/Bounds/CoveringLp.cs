namespace GpuPool.Simulation.Bounds;

/// <summary>
/// The least total time sum(t) with A t >= w, t >= 0, for a non-negative A (each column: the work
/// one unit of time does on each row), answered from below with a certificate. The dual simplex
/// method keeps a dual-feasible y (A^T y &lt;= 1, y >= 0) at every step, and by weak duality
/// w . y never exceeds the time of any feasible t. The returned value is recomputed from y after
/// rescaling it to be feasible, so rounding in the pivots can only make it smaller, never unsafe.
/// </summary>
public static class CoveringLp
{
    private const double Epsilon = 1e-12;

    /// <param name="columns">columns[j][i]: work per unit of time of column j on row i.</param>
    /// <param name="demand">w: work each row needs (non-negative).</param>
    public static double LowerBound(IReadOnlyList<double[]> columns, IReadOnlyList<double> demand)
    {
        ArgumentNullException.ThrowIfNull(columns);
        ArgumentNullException.ThrowIfNull(demand);
        var m = demand.Count;
        var n = columns.Count;
        if (columns.Any(c => c.Length != m || c.Any(a => !(a >= 0) || double.IsInfinity(a))) || demand.Any(w => !(w >= 0) || double.IsInfinity(w)))
        {
            throw new ArgumentException("Columns must have one finite non-negative entry per row, and demand must be finite and non-negative.", nameof(columns));
        }

        var y = DualSimplex(columns, demand, m, n);
        return Certified(columns, demand, y);
    }

    // Tableau of -A t + s = -w, slack basis: dual feasible (costs 1 >= 0), primal infeasible until optimal.
    private static double[] DualSimplex(IReadOnlyList<double[]> columns, IReadOnlyList<double> demand, int m, int n)
    {
        var width = n + m;
        var rows = new double[m][];
        var rhs = new double[m];
        for (var i = 0; i < m; i++)
        {
            rows[i] = new double[width];
            for (var j = 0; j < n; j++)
            {
                rows[i][j] = -columns[j][i];
            }

            rows[i][n + i] = 1;
            rhs[i] = -demand[i];
        }

        var cost = new double[width];
        Array.Fill(cost, 1.0, 0, n);
        var scale = demand.DefaultIfEmpty(0).Max();
        for (var step = 0; step < 50 * width; step++)
        {
            var r = -1;
            for (var i = 0; i < m; i++)
            {
                if (rhs[i] < -Epsilon * Math.Max(1, scale) && (r < 0 || rhs[i] < rhs[r]))
                {
                    r = i;
                }
            }

            if (r < 0)
            {
                break;
            }

            var entering = -1;
            var best = double.PositiveInfinity;
            for (var j = 0; j < width; j++)
            {
                if (rows[r][j] < -Epsilon && cost[j] / -rows[r][j] < best)
                {
                    (entering, best) = (j, cost[j] / -rows[r][j]);
                }
            }

            if (entering < 0)
            {
                throw new InvalidOperationException($"Row {r} can get no work from any column: the demand cannot be met.");
            }

            Pivot(rows, rhs, cost, r, entering);
        }

        // The dual of row i (original orientation) is the reduced cost of its slack.
        return [.. Enumerable.Range(0, m).Select(i => Math.Max(0, cost[n + i]))];
    }

    private static void Pivot(double[][] rows, double[] rhs, double[] cost, int r, int entering)
    {
        var pivotRow = rows[r];
        var pivot = pivotRow[entering];
        for (var j = 0; j < pivotRow.Length; j++)
        {
            pivotRow[j] /= pivot;
        }

        rhs[r] /= pivot;
        for (var i = 0; i < rows.Length; i++)
        {
            var factor = rows[i][entering];
            if (i == r || factor == 0)
            {
                continue;
            }

            for (var j = 0; j < pivotRow.Length; j++)
            {
                rows[i][j] -= factor * pivotRow[j];
            }

            rhs[i] -= factor * rhs[r];
        }

        var reduced = cost[entering];
        for (var j = 0; j < cost.Length; j++)
        {
            cost[j] -= reduced * pivotRow[j];
        }
    }

    // Weak duality: after scaling y so that no column's A^T y exceeds 1, w . y is a lower bound.
    private static double Certified(IReadOnlyList<double[]> columns, IReadOnlyList<double> demand, double[] y)
    {
        var worst = columns.Select(c => c.Select((a, i) => a * y[i]).Sum()).DefaultIfEmpty(0).Max();
        var value = demand.Select((w, i) => w * y[i]).Sum();
        return worst > 1 ? value / worst : value;
    }
}
