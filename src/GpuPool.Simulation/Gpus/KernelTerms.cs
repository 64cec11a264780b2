using System.Numerics.Tensors;

namespace GpuPool.Simulation.Gpus;

/// <summary>
/// The model of measured kernels, fitted on a data set's co-runs: counter weights fitted together
/// with per-kernel terms keyed by kernel id. <see cref="ContentionModel"/> uses it whenever at
/// least one kernel of a pair was measured (an unmeasured one contributes no terms); pairs of
/// unmeasured kernels (synthetic ones, another data set's) get the shipped counter model alone.
/// </summary>
public sealed class KernelTerms
{
    private readonly IReadOnlyDictionary<string, KernelTerm> _terms;
    private readonly double[] _weights;

    public KernelTerms(IReadOnlyList<double> weights, int rank, IReadOnlyDictionary<string, KernelTerm> terms)
    {
        ArgumentNullException.ThrowIfNull(weights);
        ArgumentOutOfRangeException.ThrowIfLessThan(rank, 0);
        ArgumentNullException.ThrowIfNull(terms);
        _weights = [.. weights];
        Rank = rank;
        _terms = terms;
    }

    public static KernelTerms None { get; } = new([], 0, new Dictionary<string, KernelTerm>());

    /// <summary>Counter weights fitted together with the terms (used with them, never alone).</summary>
    public IReadOnlyList<double> Weights => _weights;

    public int Rank { get; }

    public int Count => _terms.Count;

    /// <summary>Added to the exponent of every pair with a measured kernel (<see cref="ContentionModel.Exponent"/>).</summary>
    public ExponentCorrection Correction { get; private init; } = ExponentCorrection.None;

    public KernelTerms WithCorrection(ExponentCorrection correction)
    {
        ArgumentNullException.ThrowIfNull(correction);
        return new KernelTerms(Weights, Rank, _terms) { Correction = correction };
    }

    public bool Knows(string kernel) => _terms.ContainsKey(kernel);

    /// <summary>sum over basis entries b and rank r of basis_b x sensitivity[b, r] x pressure[b, r].</summary>
    public static double Product(IReadOnlyList<double> sensitivity, IReadOnlyList<double> pressure, IReadOnlyList<double> basis, int rank)
    {
        ArgumentNullException.ThrowIfNull(sensitivity);
        ArgumentNullException.ThrowIfNull(pressure);
        ArgumentNullException.ThrowIfNull(basis);
        var sum = 0.0;
        for (var i = 0; i < sensitivity.Count; i++)
        {
            sum += basis[i / rank] * sensitivity[i] * pressure[i];
        }

        return sum;
    }

    /// <summary>The exponent of <paramref name="kernel"/> slowed by <paramref name="partner"/>: counters plus terms.</summary>
    public double Exponent(string kernel, string partner, double[] features, double[] basis)
    {
        ArgumentNullException.ThrowIfNull(features);
        ArgumentNullException.ThrowIfNull(basis);
        _terms.TryGetValue(kernel, out var x);
        _terms.TryGetValue(partner, out var y);
        var exponent = TensorPrimitives.Dot<double>(_weights, features);
        if (x is not null)
        {
            exponent += TensorPrimitives.Dot<double>(x.Victim, basis);
        }

        if (y is not null)
        {
            exponent += TensorPrimitives.Dot<double>(y.Aggressor, basis);
        }

        if (x is not null && y is not null)
        {
            exponent += Product(x.Sensitivity, y.Pressure, basis, Rank);
        }

        return exponent;
    }
}
