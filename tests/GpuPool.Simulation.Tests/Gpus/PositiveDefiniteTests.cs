using GpuPool.Simulation.Gpus;
using MathNet.Numerics.LinearAlgebra;

namespace GpuPool.Simulation.Tests.Gpus;

public sealed class PositiveDefiniteTests
{
    private static readonly Matrix<double> Spd = Matrix<double>.Build.DenseOfArray(new double[,] { { 4, 2, 0.4 }, { 2, 5, 1 }, { 0.4, 1, 3 } });

    public static TheoryData<double, double, double> Solutions => new() { { 1, 2, 3 }, { -0.5, 0, 4 }, { 0, 0, 0 } };

    public static TheoryData<double> SingularOffDiagonals => new() { 1.0, 1.0 - 1e-14 };

    [Theory]
    [MemberData(nameof(Solutions))]
    public void Solves_a_symmetric_positive_definite_system(double x0, double x1, double x2)
    {
        var x = Vector<double>.Build.Dense([x0, x1, x2]);

        var solved = PositiveDefinite.Factor(Spd).Solve(Spd * x);

        Assert.Equal(x.ToArray(), solved.Select(v => Math.Round(v, 10)));
    }

    /// <summary>Exactly singular, and a pivot of 2e-14 against a diagonal of 1 (positive, so the library alone would accept it).</summary>
    [Theory]
    [MemberData(nameof(SingularOffDiagonals))]
    public void A_singular_or_nearly_singular_matrix_is_rejected(double offDiagonal)
    {
        var singular = Matrix<double>.Build.DenseOfArray(new double[,] { { 1, offDiagonal }, { offDiagonal, 1 } });

        Assert.Throws<SingularSystemException>(() => PositiveDefinite.Factor(singular));
    }

    [Fact]
    public void A_matrix_that_is_not_square_names_the_argument()
    {
        var error = Assert.Throws<ArgumentException>(() => PositiveDefinite.Factor(Matrix<double>.Build.Dense(2, 3)));

        Assert.Equal("a", error.ParamName);
    }
}
