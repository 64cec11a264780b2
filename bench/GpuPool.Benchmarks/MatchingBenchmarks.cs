using BenchmarkDotNet.Attributes;
using GpuPool.Core.Matching;
using QuikGraph;

namespace GpuPool.Benchmarks;

/// <summary>The `bdn` mode: the same cases as the timing table, measured by BenchmarkDotNet.</summary>
[MemoryDiagnoser]
public class MatchingBenchmarks
{
    private UndirectedGraph<int, TaggedUndirectedEdge<int, double>> _graph = new();

    [ParamsSource(nameof(Cases))]
    public MatchingBenchCase Case { get; set; } = MatchingBenchCase.All[0];

    public static IEnumerable<MatchingBenchCase> Cases => MatchingBenchCase.All;

    [GlobalSetup]
    public void BuildGraph() => _graph = Case.CreateGraph();

    [Benchmark]
    public MatchingResult Match() => Case.Run(_graph);
}
