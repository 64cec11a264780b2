using System.Diagnostics;
using System.Globalization;
using GpuPool.Core.Matching;
using QuikGraph;

namespace GpuPool.Benchmarks;

/// <summary>The `matching` mode: median Stopwatch time per case, printed as a table.</summary>
internal static class MatchingTimingTable
{
    private const int Runs = 3;

    /// <summary>Prints the table; the full-density 5,000-vertex weighted case (one run, minutes) only when asked.</summary>
    public static void Print(TextWriter output, bool withDenseWeighted)
    {
        output.WriteLine($"Matching benchmark: median of {Runs} runs (after one warm-up on a small graph), Stopwatch, {Environment.ProcessorCount} logical cores");
        output.WriteLine(Row("algorithm", "vertices", "graph", "edges", "cardinality", "weight", "median ms"));
        WarmUp();
        // Cases on the same graph share it; building the dense ones takes seconds.
        foreach (var sameGraph in MatchingBenchCase.All.GroupBy(c => (c.Vertices, c.EdgeProbability)))
        {
            var graph = sameGraph.First().CreateGraph();
            foreach (var benchCase in sameGraph)
            {
                PrintRow(output, benchCase, graph, Runs);
            }
        }

        if (withDenseWeighted)
        {
            var dense = MatchingBenchCase.DenseWeighted5000;
            PrintRow(output, dense, dense.CreateGraph(), runs: 1);
        }

        output.WriteLine($"Note: {MatchingBenchCase.DenseWeightedNote}");
    }

    private static void PrintRow(TextWriter output, MatchingBenchCase benchCase, UndirectedGraph<int, TaggedUndirectedEdge<int, double>> graph, int runs)
    {
        var (result, medianMs) = Time(benchCase, graph, runs);
        output.WriteLine(Row(
            benchCase.Algorithm,
            benchCase.Vertices.ToString("N0", CultureInfo.InvariantCulture),
            benchCase.Shape,
            graph.EdgeCount.ToString("N0", CultureInfo.InvariantCulture),
            result.Cardinality.ToString(CultureInfo.InvariantCulture),
            result.Weight.ToString("N0", CultureInfo.InvariantCulture),
            medianMs.ToString("N1", CultureInfo.InvariantCulture)));
    }

    private static void WarmUp()
    {
        var small = new MatchingBenchCase(MatchingBenchCase.Cardinality, 200, "warm-up", 0.1);
        var graph = small.CreateGraph();
        small.Run(graph);
        (small with { Algorithm = MatchingBenchCase.WeightedMaxCardinality }).Run(graph);
    }

    private static (MatchingResult Result, double MedianMs) Time(MatchingBenchCase benchCase, UndirectedGraph<int, TaggedUndirectedEdge<int, double>> graph, int runs)
    {
        var times = new double[runs];
        MatchingResult? result = null;
        for (var i = 0; i < runs; i++)
        {
            var stopwatch = Stopwatch.StartNew();
            result = benchCase.Run(graph);
            times[i] = stopwatch.Elapsed.TotalMilliseconds;
        }

        Array.Sort(times);
        return (result!, times[runs / 2]);
    }

    private static string Row(string algorithm, string vertices, string shape, string edges, string cardinality, string weight, string ms) =>
        $"| {algorithm,-16} | {vertices,8} | {shape,-14} | {edges,9} | {cardinality,11} | {weight,12} | {ms,10} |";
}
