namespace GpuPool.Benchmarks.Churn;

/// <summary>Least-squares slope of a memory series over windows, in MiB per 100 windows.</summary>
internal static class ChurnTrend
{
    public static double SlopePer100Windows(IReadOnlyList<(int Window, double MiB)> points)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(points.Count, 2);
        var meanX = points.Average(p => p.Window);
        var meanY = points.Average(p => p.MiB);
        var covariance = points.Sum(p => (p.Window - meanX) * (p.MiB - meanY));
        var variance = points.Sum(p => (p.Window - meanX) * (p.Window - meanX));
        return 100 * covariance / variance;
    }
}
