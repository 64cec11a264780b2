using System.Globalization;
using GpuPool.Simulation.Cluster;

namespace GpuPool.Cli.Output;

/// <summary>The policy comparison as a fixed-width text table, one row per policy.</summary>
public static class ResultTable
{
    public static void Write(IReadOnlyList<PolicyResult> results, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(results);
        ArgumentNullException.ThrowIfNull(output);
        var nameWidth = Math.Max(6, results.Max(r => r.Name.Length));
        output.WriteLine($"{"policy".PadRight(nameWidth)}  {"stp",8} {"stpPerGpu",9} {"qosReached",10} {"gpusUsed",8} {"makespan",9} {"avgJct",8} {"p95Jct",8} {"waiting",7}");
        foreach (var r in results)
        {
            output.WriteLine(string.Create(
                CultureInfo.InvariantCulture,
                $"{r.Name.PadRight(nameWidth)}  {r.Stp,8:0.00} {r.StpPerGpu,9:0.000} {r.QosReached,10:0.000} {r.GpusUsed,8} {r.Makespan,9:0.0} {r.AverageJct,8:0.0} {r.P95Jct,8:0.0} {r.JobsWaiting,7}"));
        }

        output.WriteLine("times in simulated seconds; stp = sum of job NP; stpPerGpu = isolated work per busy GPU-second.");
    }
}
