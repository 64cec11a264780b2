using System.Globalization;
using GpuPool.Cli.Commands;
using GpuPool.Core.Pairing;

namespace GpuPool.Benchmarks;

/// <summary>
/// The `window` mode: `gpupool bench window`'s measurement (same scenario, same runner) for N =
/// 1k, 2k, 4k exact and 10k pruned, jobs repeating 100 applications, one line per size.
/// </summary>
internal static class WindowTimingTable
{
    public static void Print(TextWriter output, string? modelPath)
    {
        output.WriteLine("jobs  pruning  predict ms  match ms  place ms  total ms  peak MiB  edges  pairs  predicted STP");
        foreach (var (jobs, k) in new (int, int?)[] { (1000, null), (2000, null), (4000, null), (10000, 16) })
        {
            using var scenario = WindowScenario.Create(jobs, jobs / 2, seed: 1, modelPath, profiles: 100);
            var (m, _, _) = WindowRunner.Run(scenario, new PairingOptions { PruneTopK = k });
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{m.Jobs}  {(k is null ? "exact" : $"top-{k}")}  {m.PredictMs:0}  {m.MatchMs:0}  {m.PlaceMs:0}  {m.TotalMs:0}  {m.PeakMemMiB:0}  {m.Edges}  {m.Pairs}  {m.PredictedStp:0.0}  ({scenario.PredictorLabel})"));
        }
    }
}
