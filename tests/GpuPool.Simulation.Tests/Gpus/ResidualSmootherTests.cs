using GpuPool.Simulation.Gpus;

namespace GpuPool.Simulation.Tests.Gpus;

public sealed class ResidualSmootherTests
{
    // A smooth surface sampled on a grid; the test points lie between grid points.
    private static readonly double[][] Grid = [.. Enumerable.Range(0, 11).SelectMany(i => Enumerable.Range(0, 11).Select(j => new[] { i / 10.0, j / 10.0 }))];

    public static TheoryData<double, double, double> Fits => new()
    {
        // width, penalty, largest allowed error at the midpoints
        { 0.3, 1e-3, 0.03 },
        { 0.5, 1e-3, 0.01 },
        { 0.3, 0.1, 0.05 },
    };

    private static double Surface(double[] p) => Math.Sin(3 * p[0]) + (0.5 * p[1] * p[1]);

    [Theory]
    [MemberData(nameof(Fits))]
    public void Recovers_a_smooth_surface_between_the_points_it_was_fitted_on(double width, double penalty, double tolerance)
    {
        var smoother = ResidualSmoother.Fit(Grid, [.. Grid.Select(Surface)], new SmootherOptions(width, penalty));

        var midpoints = Enumerable.Range(0, 10).SelectMany(i => Enumerable.Range(0, 10).Select(j => new[] { (i + 0.5) / 10, (j + 0.5) / 10 })).ToList();
        var worst = midpoints.Max(p => Math.Abs(smoother.At(p) - Surface(p)));

        Assert.True(worst < tolerance, $"largest midpoint error {worst}");
    }

    [Fact]
    public void Fades_to_zero_far_from_every_point()
    {
        var smoother = ResidualSmoother.Fit(Grid, [.. Grid.Select(p => 1.0)], new SmootherOptions(0.3, 1e-3));

        Assert.Equal(1.0, smoother.At([0.5, 0.5]), 2);
        Assert.Equal(0.0, smoother.At([10.0, -10.0]), 9);
    }

    [Fact]
    public void A_constant_coordinate_changes_nothing()
    {
        var targets = Grid.Select(Surface).ToList();
        var plain = ResidualSmoother.Fit(Grid, targets, new SmootherOptions(0.5, 1e-2));
        var padded = ResidualSmoother.Fit([.. Grid.Select(p => new[] { p[0], 1.0, p[1] })], targets, new SmootherOptions(0.5, 1e-2));

        Assert.Equal(plain.At([0.33, 0.71]), padded.At([0.33, 1.0, 0.71]), 12);
    }

    [Fact]
    public void Fitting_is_deterministic()
    {
        var targets = Grid.Select(Surface).ToList();
        var (first, second) = (ResidualSmoother.Fit(Grid, targets, new SmootherOptions(0.5, 0.1)), ResidualSmoother.Fit(Grid, targets, new SmootherOptions(0.5, 0.1)));

        Assert.Equal(first.At([0.21, 0.84]), second.At([0.21, 0.84]));
    }

    [Fact]
    public void Residuals_that_do_not_match_the_points_name_the_argument()
    {
        var error = Assert.Throws<ArgumentException>(() => ResidualSmoother.Fit(Grid, [1.0, 2.0], new SmootherOptions(0.5, 0.1)));

        Assert.Equal("residuals", error.ParamName);
    }

    [Theory]
    [InlineData(0.0, 1.0, "width")]
    [InlineData(-1.0, 1.0, "width")]
    [InlineData(1.0, 0.0, "penalty")]
    public void Options_are_validated(double width, double penalty, string field)
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => new SmootherOptions(width, penalty));

        Assert.Equal(field, error.ParamName);
    }
}
