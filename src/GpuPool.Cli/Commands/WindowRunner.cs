using System.Diagnostics;
using GpuPool.Core.Pairing;
using GpuPool.Core.Placement;
using GpuPool.Core.Policies;
using GpuPool.Core.Prediction;

namespace GpuPool.Cli.Commands;

/// <summary>
/// Runs one window through GpuPool's own steps (<see cref="MatchingPolicy.BuildGraph"/>,
/// <see cref="MatchingPolicy.Match"/>, <see cref="MatchingPolicy.Place"/>: the code
/// <see cref="MatchingPolicy.Plan"/> runs) and times each step.
/// </summary>
internal static class WindowRunner
{
    /// <summary>The paper's safety margin.</summary>
    public const double Delta = 0.1;

    /// <summary>The rule every measured window applies.</summary>
    public static PairingRule Rule { get; } = new(Delta, PairingRule.DefaultSettings);

    /// <summary>
    /// Also returns the process CPU time of the window (ms): on a shared machine wall time alone
    /// misleads. <paramref name="predictor"/> stands in for the scenario's (to count its calls).
    /// </summary>
    public static (WindowMeasurement Measurement, PlacementPlan Plan, double CpuMs) Run(WindowScenario scenario, PairingOptions pairing, IPairPredictor? predictor = null)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        var policy = MatchingPolicy.GpuPool(predictor ?? scenario.Predictor, Rule, pairing);
        GC.Collect();
        GC.WaitForPendingFinalizers();
        using var memory = new PeakMemorySampler();

        var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
        var clock = Stopwatch.StartNew();
        var graph = policy.BuildGraph(scenario.Batch);
        var predicted = clock.Elapsed;
        var matching = policy.Match(graph);
        var matched = clock.Elapsed;
        var plan = MatchingPolicy.Place(scenario.Batch, graph, matching);
        var total = clock.Elapsed;
        var cpu = Process.GetCurrentProcess().TotalProcessorTime - cpuBefore;

        var measurement = new WindowMeasurement(
            scenario.Batch.Pending.Count,
            scenario.Batch.Gpus.Count,
            predicted.TotalMilliseconds,
            (matched - predicted).TotalMilliseconds,
            (total - matched).TotalMilliseconds,
            total.TotalMilliseconds,
            memory.PeakMiB,
            graph.Graph.EdgeCount,
            plan.PairsFormed,
            PredictedStp(plan));
        return (measurement, plan, cpu.TotalMilliseconds);
    }

    /// <summary>The plan's STP as predicted: each placed job's predicted NP (1 for a job alone).</summary>
    public static double PredictedStp(PlacementPlan plan) => plan.Assignments.Sum(a => a.PredictedNp ?? 1.0);
}
