using GpuPool.Simulation.Gpus;

namespace GpuPool.Simulation.Tests.Gpus;

public sealed class CholeskyFactorTests
{
    private static readonly double[,] Matrix = { { 4, 2, 0.4 }, { 2, 5, 1 }, { 0.4, 1, 3 } };

    public static TheoryData<double, double, double> Solutions => new() { { 1, 2, 3 }, { -0.5, 0, 4 }, { 0, 0, 0 } };

    [Theory]
    [MemberData(nameof(Solutions))]
    public void Solves_a_symmetric_positive_definite_system(double x0, double x1, double x2)
    {
        double[] x = [x0, x1, x2];
        var b = Enumerable.Range(0, 3).Select(i => Enumerable.Range(0, 3).Sum(j => Matrix[i, j] * x[j])).ToList();

        var solved = new CholeskyFactor(Matrix).Solve(b);

        Assert.Equal(x, solved.Select(v => Math.Round(v, 10)));
    }

    [Fact]
    public void A_singular_matrix_is_rejected()
    {
        double[,] singular = { { 1, 1 }, { 1, 1 } };

        Assert.Throws<SingularSystemException>(() => new CholeskyFactor(singular));
    }

    [Fact]
    public void A_matrix_that_is_not_square_names_the_argument()
    {
        var error = Assert.Throws<ArgumentException>(() => new CholeskyFactor(new double[2, 3]));

        Assert.Equal("a", error.ParamName);
    }
}
