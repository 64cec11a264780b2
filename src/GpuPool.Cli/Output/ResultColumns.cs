using GpuPool.Core.Policies;
using GpuPool.Simulation.Cluster;

namespace GpuPool.Cli.Output;

/// <summary>
/// The columns of the policy comparison, in the order every output shows them (table, JSON, and
/// the multi-seed summary): what an operator compares first, the raw NP sum last. A table header
/// carries its unit where it has one, (x) or (s); docs/simulation.md lists them and a test holds
/// the two together. NaN = not applicable (a bound row has only its throughput).
/// </summary>
public static class ResultColumns
{
    /// <summary>JSON name, table header, table format, and the value of one result among its seed's results.</summary>
    public static IReadOnlyList<ResultColumn> All { get; } =
    [
        new("stpPerGpu", "gain(x)", "0.000", (r, _) => r.StpPerGpu),
        new("vsHeuristic", "vsHeur", "0.000", VersusHeuristic),
        new("qosReached", "qosReached", "0.000", (r, _) => r.QosReached),
        new("makespan", "makespan(s)", "0.0", (r, _) => r.Makespan),
        new("avgJct", "avgJct(s)", "0.0", (r, _) => r.AverageJct),
        new("p95Jct", "p95Jct(s)", "0.0", (r, _) => r.P95Jct),
        new("gpusUsed", "gpusUsed", "0", (r, _) => r.IsBound ? double.NaN : r.GpusUsed),
        new("waiting", "waiting", "0", (r, _) => r.IsBound ? double.NaN : r.JobsWaiting),
        new("sharedJobs", "shared", "0", (r, _) => r.IsBound ? double.NaN : SharedJobs.Count(r.Outcomes)),
        new("npSum", "npSum", "0.00", (r, _) => r.Stp),
    ];

    /// <summary>What the table's footer says the columns mean.</summary>
    public const string Legend =
        "gain(x) = stpPerGpu: isolated work per busy GPU-second, the throughput gain over NoSharing (exactly 1); "
        + "vsHeur = gain / Heuristic's gain; (s) = simulated seconds (JCT = arrival to end); shared = jobs that ran beside another; npSum = sum of job NP; "
        + "Oracle = upper bound on gain for any schedule of this workload (not a run).";

    private static double VersusHeuristic(PolicyResult result, IReadOnlyList<PolicyResult> seed)
    {
        var heuristic = seed.FirstOrDefault(r => r.Name.StartsWith(PolicyNames.Heuristic, StringComparison.Ordinal));
        return heuristic is null ? double.NaN : result.StpPerGpu / heuristic.StpPerGpu;
    }
}
