using System.Numerics.Tensors;
using GpuPool.Core.Gpus;
using GpuPool.Core.Kernels;

namespace GpuPool.Simulation.Gpus;

/// <summary>
/// The calibrated contention model with no measured co-run lookup: each kernel's alone rate at its
/// quota, slowed by exp(-exponent) for the pressure its partner adds. The exponent comes from the
/// <see cref="KernelTerms"/> of the loaded co-runs (and their <see cref="ExponentCorrection"/>) when
/// either kernel was measured, otherwise from the shipped counter weights alone (weights . features).
/// </summary>
public sealed class ContentionModel : ICoRunModel
{
    /// <summary>Rates stay in a physical range however far the features extrapolate.</summary>
    public const double MinRate = 0.02;

    public const double MaxRate = 1.2;

    public ContentionModel(GpuModel gpu, CoRunParameters parameters, KernelTerms? terms = null)
    {
        ArgumentNullException.ThrowIfNull(gpu);
        ArgumentNullException.ThrowIfNull(parameters);
        Gpu = gpu;
        Parameters = parameters;
        Terms = terms ?? KernelTerms.None;
        Curve = new AloneRateCurve(gpu, parameters.OccupancyExponent);
    }

    public GpuModel Gpu { get; }

    public CoRunParameters Parameters { get; }

    public KernelTerms Terms { get; }

    public AloneRateCurve Curve { get; }

    /// <summary>Bounded to the range co-runs were ever measured in, however far the exponent extrapolates.</summary>
    public static double Rate(double aloneRate, double exponent) => Math.Clamp(aloneRate * Math.Exp(-exponent), MinRate, MaxRate);

    public double AloneRate(KernelProfile kernel, int quota) => Curve.Rate(kernel, quota);

    public (double RateA, double RateB) CoRunRates(KernelProfile a, KernelProfile b, int quotaA, int quotaB)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        var loadA = KernelLoad.Of(a, quotaA, Curve, Gpu);
        var loadB = KernelLoad.Of(b, quotaB, Curve, Gpu);
        return (Slowed(a.Id, loadA, b.Id, loadB), Slowed(b.Id, loadB, a.Id, loadA));
    }

    /// <summary>
    /// The exponent for one kernel of a pair: measured-kernel model (counters, terms and their
    /// correction) if either kernel is known, else the counter model alone.
    /// </summary>
    public static double Exponent(CoRunParameters parameters, KernelTerms terms, ContentionSample sample)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        ArgumentNullException.ThrowIfNull(terms);
        ArgumentNullException.ThrowIfNull(sample);
        if (!terms.Knows(sample.Kernel) && !terms.Knows(sample.Partner))
        {
            return TensorPrimitives.Dot(parameters.WeightSpan, sample.Features);
        }

        var exponent = terms.Exponent(sample.Kernel, sample.Partner, sample.Features, sample.Basis);
        return exponent + terms.Correction.Of(sample, exponent);
    }

    private double Slowed(string kernel, KernelLoad x, string partner, KernelLoad y) =>
        Rate(x.Rate, Exponent(Parameters, Terms, ContentionSample.Of(kernel, x, partner, y, np: double.NaN)));
}
