using GpuPool.Core.Matching;
using QuikGraph;

namespace GpuPool.Benchmarks;

/// <summary>One row of the matching benchmark: an algorithm on one seeded random graph.</summary>
public sealed record MatchingBenchCase(string Algorithm, int Vertices, string Shape, double EdgeProbability)
{
    public const string Cardinality = "cardinality";
    public const string WeightedMaxCardinality = "weighted+maxcard";
    private const double DenseProbability = 0.5;
    private const double ReducedDenseProbability = 0.05;
    private const double SparseAverageDegree = 8;

    public static IReadOnlyList<MatchingBenchCase> All { get; } = Build();

    public UndirectedGraph<int, TaggedUndirectedEdge<int, double>> CreateGraph() =>
        BenchGraph.Create(Vertices, EdgeProbability, Vertices + (int)(EdgeProbability * 1_000_000));

    public MatchingResult Run(UndirectedGraph<int, TaggedUndirectedEdge<int, double>> graph) =>
        Algorithm == Cardinality
            ? MaximumCardinalityMatching.Find(graph, BenchGraph.Weight)
            : MaximumWeightMatching.Find(graph, BenchGraph.Weight, maxCardinality: true);

    public override string ToString() => $"{Algorithm} n={Vertices} {Shape}";

    /// <summary>
    /// Why 5,000-vertex dense graphs are not timed with the weighted algorithm: each of its ~V/2
    /// stages rescans every edge, so one run takes minutes; that row uses a lower density instead.
    /// </summary>
    public const string DenseWeightedNote =
        "weighted+maxcard on 5,000 vertices at p=0.5 (6.25M edges) takes minutes per run (~V/2 stages x E edges); " +
        "the table times it at p=0.05 instead; add --with-dense-weighted for one timed run of the full case.";

    /// <summary>The full-density weighted case, timed once only on request.</summary>
    public static MatchingBenchCase DenseWeighted5000 { get; } = new(WeightedMaxCardinality, 5_000, "p=0.5, 1 run", DenseProbability);

    private static List<MatchingBenchCase> Build()
    {
        var cases = new List<MatchingBenchCase>();
        foreach (var n in new[] { 1_000, 5_000 })
        {
            foreach (var algorithm in new[] { Cardinality, WeightedMaxCardinality })
            {
                cases.Add(algorithm == WeightedMaxCardinality && n == 5_000
                    ? new(algorithm, n, "reduced p=0.05", ReducedDenseProbability)
                    : new(algorithm, n, "dense p=0.5", DenseProbability));
                cases.Add(new(algorithm, n, "sparse deg=8", SparseAverageDegree / (n - 1)));
            }
        }

        return cases;
    }
}
