using GpuPool.Core.Gpus;
using GpuPool.Core.Kernels;

namespace GpuPool.Simulation.Gpus;

/// <summary>
/// The calibrated contention model with no measured co-run lookup: each kernel's alone rate at its
/// quota, slowed by exp(-weights . features) for the pressure its partner adds.
/// </summary>
public sealed class ContentionModel : ICoRunModel
{
    /// <summary>Rates stay in a physical range however far the features extrapolate.</summary>
    public const double MinRate = 0.02;

    public const double MaxRate = 1.2;

    public ContentionModel(GpuModel gpu, CoRunParameters parameters)
    {
        ArgumentNullException.ThrowIfNull(gpu);
        ArgumentNullException.ThrowIfNull(parameters);
        Gpu = gpu;
        Parameters = parameters;
        Curve = new AloneRateCurve(gpu, parameters.OccupancyExponent);
    }

    public GpuModel Gpu { get; }

    public CoRunParameters Parameters { get; }

    public AloneRateCurve Curve { get; }

    public double AloneRate(KernelProfile kernel, int quota) => Curve.Rate(kernel, quota);

    public (double RateA, double RateB) CoRunRates(KernelProfile a, KernelProfile b, int quotaA, int quotaB)
    {
        var loadA = KernelLoad.Of(a, quotaA, Curve, Gpu);
        var loadB = KernelLoad.Of(b, quotaB, Curve, Gpu);
        return (Slowed(loadA, loadB), Slowed(loadB, loadA));
    }

    private double Slowed(KernelLoad x, KernelLoad y)
    {
        var features = ContentionFeatures.Of(x, y);
        var exponent = 0.0;
        for (var i = 0; i < features.Length; i++)
        {
            exponent += Parameters.Weights[i] * features[i];
        }

        // Bounded to the range co-runs were ever measured in, however far the features extrapolate.
        return Math.Clamp(x.Rate * Math.Exp(-exponent), MinRate, MaxRate);
    }
}
