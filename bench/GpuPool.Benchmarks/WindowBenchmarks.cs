using BenchmarkDotNet.Attributes;
using GpuPool.Cli.Commands;
using GpuPool.Core.Matching;
using GpuPool.Core.Pairing;
using GpuPool.Core.Placement;
using GpuPool.Core.Policies;
using GpuPool.Core.Prediction;

namespace GpuPool.Benchmarks;

/// <summary>
/// The `bdn` mode for one scheduling window: the three steps of <see cref="MatchingPolicy"/> on the
/// window `gpupool bench window` runs (embedded workload, jobs repeating 100 applications). The
/// profile cache is warm after the first iteration, so these are steady-state windows: candidate
/// pairs decided from cached predictions, as when the same applications come back.
/// </summary>
[MemoryDiagnoser]
public class WindowBenchmarks
{
    private WindowScenario? _scenario;
    private MatchingPolicy? _policy;
    private PairingGraph? _graph;
    private MatchingResult? _matching;

    [Params(1000, 2000)]
    public int Jobs { get; set; }

    /// <summary>0: exact; otherwise the pruning k.</summary>
    [Params(0, 16)]
    public int PruneTopK { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _scenario = WindowScenario.Create(Jobs, Jobs / 2, seed: 1, modelPath: null, profiles: 100);
        var pairing = new PairingOptions { PruneTopK = PruneTopK == 0 ? null : PruneTopK };
        _policy = MatchingPolicy.GpuPool(_scenario.Predictor, new PairingRule(WindowRunner.Delta, PairingRule.DefaultSettings), pairing);
        _graph = _policy.BuildGraph(_scenario.Batch);
        _matching = _policy.Match(_graph);
    }

    [GlobalCleanup]
    public void Cleanup() => _scenario?.Dispose();

    [Benchmark]
    public PairingGraph Predict() => _policy!.BuildGraph(_scenario!.Batch);

    [Benchmark]
    public MatchingResult Match() => _policy!.Match(_graph!);

    [Benchmark]
    public PlacementPlan Place() => MatchingPolicy.Place(_scenario!.Batch, _graph!, _matching!);
}
