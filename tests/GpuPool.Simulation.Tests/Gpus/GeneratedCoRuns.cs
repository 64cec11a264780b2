using GpuPool.Simulation.Gpus;

namespace GpuPool.Simulation.Tests.Gpus;

/// <summary>
/// Contention samples drawn from a known model: counter weights, per-kernel victim/aggressor terms
/// and rank-1 sensitivity x pressure on the quota basis, every pair of kernels at a few quota
/// rates. Seeded, so every test sees the same data.
/// </summary>
public sealed class GeneratedCoRuns
{
    public static readonly double[] Weights = [0.1, 0.3, -0.2];

    private readonly Dictionary<string, KernelTerm> _truth = [];

    public GeneratedCoRuns(int kernels, int seed)
    {
        var random = new Random(seed);
        double Draw(double scale) => scale * ((2 * random.NextDouble()) - 1);
        Kernels = [.. Enumerable.Range(0, kernels).Select(i => $"k{i}")];
        foreach (var k in Kernels)
        {
            _truth[k] = new KernelTerm(
                [.. Enumerable.Range(0, QuotaBasis.Count).Select(_ => Draw(0.2))],
                [.. Enumerable.Range(0, QuotaBasis.Count).Select(_ => Draw(0.2))],
                [.. Enumerable.Range(0, QuotaBasis.Count).Select(_ => Draw(0.7))],
                [.. Enumerable.Range(0, QuotaBasis.Count).Select(_ => Draw(0.7))]);
        }

        Truth = new KernelTerms(Weights, 1, _truth);
        foreach (var x in Kernels)
        {
            foreach (var y in Kernels.Where(y => y != x))
            {
                foreach (var (rx, ry) in new[] { (0.5, 0.5), (0.5, 0.9), (0.9, 0.5), (0.9, 0.9), (0.7, 0.6) })
                {
                    // Wide features: the per-sample ridge on counter weights then shrinks them by about 1%.
                    double[] features = [1.0, 3 * random.NextDouble(), 3 * random.NextDouble()];
                    double[] basis = [1.0, ry, rx];
                    var np = rx * Math.Exp(-Truth.Exponent(x, y, features, basis));
                    Samples.Add(new ContentionSample(x, y, features, basis, rx, np));
                }
            }
        }
    }

    public IReadOnlyList<string> Kernels { get; }

    public KernelTerms Truth { get; }

    public List<ContentionSample> Samples { get; } = [];
}
