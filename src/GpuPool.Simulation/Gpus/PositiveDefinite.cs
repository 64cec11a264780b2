using MathNet.Numerics.LinearAlgebra;
using MathNet.Numerics.LinearAlgebra.Factorization;

namespace GpuPool.Simulation.Gpus;

/// <summary>
/// The Cholesky factorisation of the symmetric positive definite systems the fits solve (ridge
/// normal equations, kernel ridge systems), refusing one the data cannot determine.
/// </summary>
public static class PositiveDefinite
{
    /// <summary>
    /// A pivot this small against the largest diagonal entry means a direction the data does not
    /// constrain: solving would amplify rounding into the weights rather than fail.
    /// </summary>
    public const double RelativePivotTolerance = 1e-12;

    /// <summary>Factorises <paramref name="a"/> (symmetric; only its lower triangle is read).</summary>
    /// <exception cref="SingularSystemException">A pivot at or below the tolerance.</exception>
    public static Cholesky<double> Factor(Matrix<double> a)
    {
        ArgumentNullException.ThrowIfNull(a);
        if (a.RowCount != a.ColumnCount)
        {
            throw new ArgumentException($"The matrix must be square, got {a.RowCount} x {a.ColumnCount}.", nameof(a));
        }

        var floor = RelativePivotTolerance * Math.Max(a.Diagonal().AbsoluteMaximum(), 1e-300);
        Cholesky<double> factor;
        try
        {
            factor = a.Cholesky();
        }
        catch (ArgumentException e)
        {
            // Thrown for a pivot <= 0: singular in the same sense as the check below.
            throw new SingularSystemException(new SingularSystemException().Message, e);
        }

        // The library refuses only pivots <= 0; the factor's squared diagonal holds every pivot.
        if (factor.Factor.Diagonal().Any(d => !(d * d > floor)))
        {
            throw new SingularSystemException();
        }

        return factor;
    }
}
