using GpuPool.Simulation.Gpus;

namespace GpuPool.Simulation.Tests.Gpus;

public sealed class RidgeSystemTests
{
    private static readonly double[][] Rows = [[1, 0, 1], [1, 1, 0], [1, 2, 3], [1, 3, 1], [1, 5, 2]];

    public static TheoryData<double, double, double> Relations => new() { { 0.5, 2, -3 }, { -1, 0.25, 4 }, { 0, 0, 0 } };

    [Theory]
    [MemberData(nameof(Relations))]
    public void One_factorisation_solves_every_target_exactly(double bias, double first, double second)
    {
        var system = new RidgeSystem(Rows, [0, 0, 0]);

        var weights = system.Solve([.. Rows.Select(r => bias + (first * r[1]) + (second * r[2]))]);

        Assert.Equal([bias, first, second], weights.Select(w => Math.Round(w, 9)));
    }

    [Fact]
    public void A_penalty_shrinks_its_weight_only()
    {
        var targets = Rows.Select(r => 0.5 + (2 * r[1]) - (3 * r[2])).ToList();

        var free = new RidgeSystem(Rows, [0, 0, 0]).Solve(targets);
        var shrunk = new RidgeSystem(Rows, [0, 0, 100]).Solve(targets);

        Assert.True(Math.Abs(shrunk[2]) < Math.Abs(free[2]), $"{shrunk[2]} vs {free[2]}");
    }

    [Fact]
    public void Rows_of_the_wrong_width_name_the_argument()
    {
        var error = Assert.Throws<ArgumentException>(() => new RidgeSystem(Rows, [0, 0]));

        Assert.Equal("rows", error.ParamName);
    }

    [Fact]
    public void A_target_count_that_differs_from_the_rows_is_rejected()
    {
        var system = new RidgeSystem(Rows, [0, 0, 0]);

        Assert.Throws<ArgumentException>(() => system.Solve([1, 2]));
    }
}
