using GpuPool.Simulation.Bounds;

namespace GpuPool.Simulation.Tests.Bounds;

public sealed class CoveringLpTests
{
    // Two kernels; columns: each alone at rate 1, and both together at (0.8, 0.6).
    private static readonly double[][] Columns = [[1, 0], [0, 1], [0.8, 0.6]];

    public static TheoryData<double, double, double> Demands => new()
    {
        { 8, 6, 10 },    // together 10 s covers both exactly
        { 8, 12, 16 },   // together 10 s, then the second alone 6 s
        { 16, 3, 17 },   // together 5 s (4 + 3), then the first alone 12 s
        { 0, 5, 5 },     // nothing to share with
    };

    [Theory]
    [MemberData(nameof(Demands))]
    public void The_least_busy_time_of_a_hand_solved_cover_is_found(double first, double second, double expected)
    {
        Assert.Equal(expected, CoveringLp.LowerBound(Columns, [first, second]), 9);
    }

    [Fact]
    public void A_row_no_column_serves_is_refused()
    {
        Assert.Throws<InvalidOperationException>(() => CoveringLp.LowerBound([[1, 0]], [1, 1]));
    }

    [Fact]
    public void Negative_work_is_refused()
    {
        Assert.Throws<ArgumentException>(() => CoveringLp.LowerBound([[-1.0]], [1]));
    }
}
