using MathNet.Numerics.Distributions;

namespace GpuPool.Simulation.Workloads;

/// <summary>
/// Seeded arrival times from <see cref="ArrivalParameters"/>, scaled so the offered load is
/// <c>load</c> busy GPUs' worth per GPU: mean gap = mean job isolated seconds / (load x GPUs).
/// </summary>
public static class ArrivalGenerator
{
    public static IReadOnlyList<double> Times(int count, ArrivalParameters shape, double meanGapSeconds, int seed)
    {
        ArgumentNullException.ThrowIfNull(shape);
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        if (!(meanGapSeconds > 0))
        {
            throw new ArgumentOutOfRangeException(nameof(meanGapSeconds), meanGapSeconds, "The mean gap must be positive.");
        }

        // The log-normal's own mean, so that gaps average to 1 before scaling.
        var unitMean = (1 - shape.ZeroGapShare) * Math.Exp(shape.LogMean + (shape.LogSigma * shape.LogSigma / 2));
        var random = new Random(seed);
        var times = new List<double>(count);
        var now = 0.0;
        for (var i = 0; i < count; i++)
        {
            times.Add(now);
            if (random.NextDouble() >= shape.ZeroGapShare)
            {
                now += LogNormal.Sample(random, shape.LogMean, shape.LogSigma) / unitMean * meanGapSeconds;
            }
        }

        return times;
    }

    public static double MeanGap(double meanJobSeconds, double load, int gpus)
    {
        if (!(load > 0))
        {
            throw new ArgumentOutOfRangeException(nameof(load), load, "load must be positive.");
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(gpus, 1);
        return meanJobSeconds / (load * gpus);
    }
}
