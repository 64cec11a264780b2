using MathNet.Numerics.LinearAlgebra;

namespace GpuPool.Simulation.Gpus;

/// <summary>
/// Kernel ridge regression with a Gaussian kernel on standardised points: a smooth correction
/// g(z) = sum_i alpha_i exp(-|z - z_i|^2 / (2 h^2 d)) of what a structural model left unexplained,
/// with (K + lambda I) alpha = residuals. Far from every training point it fades to zero, so the
/// structural model is left as it is where nothing similar was measured. Deterministic.
/// </summary>
public sealed class ResidualSmoother
{
    private readonly double[] _mean;
    private readonly double[] _scale;
    private readonly double[][] _points;
    private readonly double[] _alpha;
    private readonly double _inverseWidth;

    private ResidualSmoother(double[] mean, double[] scale, double[][] points, double[] alpha, double inverseWidth)
    {
        _mean = mean;
        _scale = scale;
        _points = points;
        _alpha = alpha;
        _inverseWidth = inverseWidth;
    }

    public static ResidualSmoother None { get; } = new([], [], [], [], 0);

    public int Count => _alpha.Length;

    public static ResidualSmoother Fit(IReadOnlyList<double[]> points, IReadOnlyList<double> residuals, SmootherOptions options)
    {
        ArgumentNullException.ThrowIfNull(points);
        ArgumentNullException.ThrowIfNull(residuals);
        ArgumentNullException.ThrowIfNull(options);
        if (points.Count == 0 || points.Count != residuals.Count)
        {
            throw new ArgumentException("Need as many residuals as points, and at least one point.", nameof(residuals));
        }

        var dims = points[0].Length;
        var mean = Enumerable.Range(0, dims).Select(d => points.Average(p => p[d])).ToArray();
        var sd = Enumerable.Range(0, dims).Select(d => Math.Sqrt(points.Average(p => Math.Pow(p[d] - mean[d], 2)))).ToArray();

        // A constant coordinate says nothing about similarity: it is dropped (scale 0).
        var scale = sd.Select(s => s > 1e-12 ? 1 / s : 0).ToArray();
        var used = Math.Max(1, scale.Count(s => s > 0));
        var inverseWidth = 1 / (2 * options.Width * options.Width * used);
        var standardised = points.Select(p => Standardise(p, mean, scale)).ToArray();
        var n = standardised.Length;
        var gram = Matrix<double>.Build.Dense(n, n, (i, j) => j > i ? 0 : Similarity(standardised[i], standardised[j], inverseWidth) + (i == j ? options.Penalty : 0));
        var alpha = PositiveDefinite.Factor(gram).Solve(Vector<double>.Build.DenseOfEnumerable(residuals)).ToArray();
        return new ResidualSmoother(mean, scale, standardised, alpha, inverseWidth);
    }

    public double At(IReadOnlyList<double> point)
    {
        ArgumentNullException.ThrowIfNull(point);
        if (_alpha.Length == 0)
        {
            return 0;
        }

        var z = Standardise(point, _mean, _scale);
        var sum = 0.0;
        for (var i = 0; i < _points.Length; i++)
        {
            sum += _alpha[i] * Similarity(z, _points[i], _inverseWidth);
        }

        return sum;
    }

    private static double[] Standardise(IReadOnlyList<double> point, double[] mean, double[] scale)
    {
        if (point.Count != mean.Length)
        {
            throw new ArgumentException($"Points have {mean.Length} coordinates, got {point.Count}.", nameof(point));
        }

        return [.. point.Select((v, d) => (v - mean[d]) * scale[d])];
    }

    private static double Similarity(double[] a, double[] b, double inverseWidth)
    {
        var distance = 0.0;
        for (var d = 0; d < a.Length; d++)
        {
            var diff = a[d] - b[d];
            distance += diff * diff;
        }

        return Math.Exp(-distance * inverseWidth);
    }
}
