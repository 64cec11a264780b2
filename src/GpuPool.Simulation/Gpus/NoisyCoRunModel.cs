using GpuPool.Core.Kernels;
using MathNet.Numerics.Distributions;

namespace GpuPool.Simulation.Gpus;

/// <summary>
/// Measurement noise on top of another model: every rate is multiplied by exp(sigma * z), z a
/// standard normal drawn from a generator seeded by (seed, kernels, quotas). The same question
/// always gets the same answer, whatever order questions come in.
/// </summary>
public sealed class NoisyCoRunModel : ICoRunModel
{
    private readonly ICoRunModel _inner;
    private readonly double _sigma;
    private readonly int _seed;

    public NoisyCoRunModel(ICoRunModel inner, double sigma, int seed)
    {
        ArgumentNullException.ThrowIfNull(inner);
        if (!(sigma >= 0 && sigma < 1))
        {
            throw new ArgumentOutOfRangeException(nameof(sigma), sigma, "sigma must be in [0, 1).");
        }

        _inner = inner;
        _sigma = sigma;
        _seed = seed;
    }

    public double AloneRate(KernelProfile kernel, int quota)
    {
        ArgumentNullException.ThrowIfNull(kernel);
        return _inner.AloneRate(kernel, quota) * Factor(StableHash.Of(kernel.Id, quota.ToString(System.Globalization.CultureInfo.InvariantCulture)), 0);
    }

    public (double RateA, double RateB) CoRunRates(KernelProfile a, KernelProfile b, int quotaA, int quotaB)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        var (rateA, rateB) = _inner.CoRunRates(a, b, quotaA, quotaB);
        var culture = System.Globalization.CultureInfo.InvariantCulture;
        var hashA = StableHash.Of(a.Id, b.Id, quotaA.ToString(culture), quotaB.ToString(culture));
        var hashB = StableHash.Of(b.Id, a.Id, quotaB.ToString(culture), quotaA.ToString(culture));
        return (rateA * Factor(hashA, 1), rateB * Factor(hashB, 1));
    }

    /// <summary>exp(sigma z), z standard normal: a log-normal draw with mu 0 from the question's own generator.</summary>
    private double Factor(int hash, int salt) => LogNormal.Sample(new Random(HashCode.Combine(_seed, hash, salt)), 0, _sigma);
}
