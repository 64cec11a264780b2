using GpuPool.Simulation.Gpus;

namespace GpuPool.Simulation.Tests.Gpus;

public sealed class RidgeRegressionTests
{
    [Fact]
    public void Recovers_an_exact_linear_relation_without_ridge()
    {
        double[][] rows = [[1, 0, 1], [1, 1, 0], [1, 2, 3], [1, 3, 1], [1, 5, 2]];
        var targets = rows.Select(r => 0.5 + (2 * r[1]) - (3 * r[2])).ToList();

        var weights = RidgeRegression.Fit(rows, targets, 0);

        Assert.Equal([0.5, 2, -3], weights.Select(w => Math.Round(w, 9)));
    }

    [Fact]
    public void Singular_system_is_reported()
    {
        double[][] rows = [[1, 2], [1, 2]];

        Assert.Throws<SingularSystemException>(() => RidgeRegression.Fit(rows, [1, 1], 0));
    }
}
