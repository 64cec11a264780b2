using System.Numerics.Tensors;

namespace GpuPool.Simulation.Gpus;

/// <summary>
/// Fits target = w . features + sum over the quota basis m_b of (victim_x,b + aggressor_y,b +
/// sensitivity_x,b . pressure_y,b) by alternating ridge least squares, a fixed number of passes:
/// 1. the linear part (w and the per-kernel victim/aggressor terms) given the products;
/// 2. each kernel's sensitivity given all pressures; 3. each kernel's pressure given all
/// sensitivities. Every per-kernel value is penalised toward zero. Deterministic: pressures start
/// from a fixed seed.
/// </summary>
public static class KernelTermFitter
{
    /// <summary>Ridge on the counter weights, per sample, as in the counter-only fit.</summary>
    public const double WeightRidge = 1e-2;

    private const int InitialSeed = 7;

    public static KernelTerms Fit(IReadOnlyList<ContentionSample> samples, KernelTermOptions options)
    {
        ArgumentNullException.ThrowIfNull(samples);
        ArgumentNullException.ThrowIfNull(options);
        if (samples.Count == 0)
        {
            throw new ArgumentException("Need at least one sample.", nameof(samples));
        }

        var kernels = samples.SelectMany(s => new[] { s.Kernel, s.Partner }).Distinct().Order(StringComparer.Ordinal).ToList();
        var index = kernels.Select((k, i) => (k, i)).ToDictionary(k => k.k, k => k.i);
        var features = samples[0].Features.Length;
        var basis = samples[0].Basis.Length;
        var width = basis * options.Rank;
        var weights = new double[features];
        var victim = new double[kernels.Count][];
        var aggressor = new double[kernels.Count][];
        var sensitivity = Enumerable.Range(0, kernels.Count).Select(_ => new double[width]).ToArray();
        var random = new Random(InitialSeed);
        var pressure = Enumerable.Range(0, kernels.Count).Select(_ => Enumerable.Range(0, width).Select(_ => 0.5 + (0.1 * random.NextDouble())).ToArray()).ToArray();
        double Product(ContentionSample s) => KernelTerms.Product(sensitivity[index[s.Kernel]], pressure[index[s.Partner]], s.Basis, options.Rank);

        // 1. The linear system never changes across passes: factorise it once.
        var linear = new RidgeSystem(
            [.. samples.Select(s => LinearRow(s, index, kernels.Count))],
            [.. RidgeRegression.Penalties(features, WeightRidge * samples.Count), .. Enumerable.Repeat(options.Penalty, 2 * kernels.Count * basis)]);
        var byKernel = samples.Select((s, i) => (s, i)).ToLookup(p => index[p.s.Kernel]);
        var byPartner = samples.Select((s, i) => (s, i)).ToLookup(p => index[p.s.Partner]);
        var linearPart = new double[samples.Count];
        for (var pass = 0; pass < options.Passes; pass++)
        {
            var solution = linear.Solve([.. samples.Select(s => s.Target - Product(s))]);
            Array.Copy(solution, weights, features);
            for (var k = 0; k < kernels.Count; k++)
            {
                victim[k] = solution.AsSpan(features + (k * basis), basis).ToArray();
                aggressor[k] = solution.AsSpan(features + ((kernels.Count + k) * basis), basis).ToArray();
            }

            for (var i = 0; i < samples.Count; i++)
            {
                linearPart[i] = TensorPrimitives.Dot<double>(solution, LinearRow(samples[i], index, kernels.Count));
            }

            if (options.Rank == 0)
            {
                break;
            }

            // 2.-3. Each kernel's vector given the other side's, on the samples where it appears.
            SolveSide(byKernel, linearPart, sensitivity, s => pressure[index[s.Partner]], options);
            SolveSide(byPartner, linearPart, pressure, s => sensitivity[index[s.Kernel]], options);
        }

        // A kernel never seen as a partner keeps no pressure (its start value carries no information).
        for (var k = 0; k < kernels.Count; k++)
        {
            if (!byPartner.Contains(k))
            {
                Array.Clear(pressure[k]);
            }
        }

        var terms = kernels.Select((k, i) => (k, new KernelTerm(victim[i], aggressor[i], sensitivity[i], pressure[i]))).ToDictionary(t => t.k, t => t.Item2);
        return new KernelTerms(weights, options.Rank, terms);
    }

    private static void SolveSide(ILookup<int, (ContentionSample s, int i)> groups, double[] linearPart, double[][] solved, Func<ContentionSample, double[]> other, KernelTermOptions options)
    {
        foreach (var group in groups)
        {
            var rows = group.Select(p => Modulated(p.s, other(p.s), options.Rank)).ToList();
            var system = new RidgeSystem(rows, [.. Enumerable.Repeat(options.Penalty, rows[0].Length)]);
            solved[group.Key] = system.Solve([.. group.Select(p => p.s.Target - linearPart[p.i])]);
        }
    }

    private static double[] Modulated(ContentionSample s, double[] other, int rank)
    {
        var row = new double[other.Length];
        for (var i = 0; i < row.Length; i++)
        {
            row[i] = s.Basis[i / rank] * other[i];
        }

        return row;
    }

    private static double[] LinearRow(ContentionSample s, Dictionary<string, int> index, int kernels)
    {
        var features = s.Features.Length;
        var basis = s.Basis.Length;
        var row = new double[features + (2 * kernels * basis)];
        Array.Copy(s.Features, row, features);
        Array.Copy(s.Basis, 0, row, features + (index[s.Kernel] * basis), basis);
        Array.Copy(s.Basis, 0, row, features + ((kernels + index[s.Partner]) * basis), basis);
        return row;
    }
}
