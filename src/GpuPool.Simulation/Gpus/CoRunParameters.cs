using GpuPool.Core.Kernels;

namespace GpuPool.Simulation.Gpus;

/// <summary>
/// The shipped numbers of the contention model: the occupancy exponent of the alone-rate curve,
/// one weight per contention feature (<see cref="ContentionFeatures.Names"/>) and the options of
/// the per-kernel terms and their correction, which are fitted where measured co-runs are loaded
/// (never shipped).
/// <see cref="Default"/> is the fit on the GPUPool artifact (see docs/simulated-gpu.md for the
/// command that refits it).
/// </summary>
public sealed record CoRunParameters
{
    private readonly double[] _weights;

    public CoRunParameters(double occupancyExponent, IReadOnlyList<double> weights, KernelTermOptions terms, SmootherOptions? correction = null)
    {
        ArgumentNullException.ThrowIfNull(weights);
        ArgumentNullException.ThrowIfNull(terms);
        if (weights.Count != ContentionFeatures.Count)
        {
            throw new ArgumentException($"Expected {ContentionFeatures.Count} weights, got {weights.Count}.", nameof(weights));
        }

        OccupancyExponent = occupancyExponent;
        _weights = [.. weights];
        Terms = terms;
        Correction = correction;
    }

    // Fitted by `gpupool calibrate --dataset <artifact>` on all 578 measured co-runs: gamma and the
    // counter-only weights (rounded to 4 places); term and correction options chosen by the inner 4-fold split.
    public static CoRunParameters Default { get; } = new(
        AloneRateCurve.ArtifactOccupancyExponent,
        [0.1380, 0.3825, 0.3598, 0.2253, -0.0324, 0.0664, -0.2772, -0.0546, -0.0136, -0.1028, -0.0470, 0.2064],
        new KernelTermOptions(1.0, 2),
        new SmootherOptions(1.0, 0.3));

    public double OccupancyExponent { get; }

    public IReadOnlyList<double> Weights => _weights;

    /// <summary>The weights as one span, for the vectorised dot product with a sample's features.</summary>
    public ReadOnlySpan<double> WeightSpan => _weights;

    public KernelTermOptions Terms { get; }

    /// <summary>Options of the measured-kernel model's <see cref="ExponentCorrection"/>; null: no correction.</summary>
    public SmootherOptions? Correction { get; }
}
