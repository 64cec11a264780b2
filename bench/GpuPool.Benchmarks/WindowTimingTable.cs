using System.Globalization;
using GpuPool.Cli.Commands;
using GpuPool.Core.Pairing;

namespace GpuPool.Benchmarks;

/// <summary>
/// The `window` mode: `gpupool bench window`'s measurement (same scenario, same runner) for N =
/// 1k, 2k, 4k exact and 10k sampled and pruned, on the paper's job mix, one line per size.
/// </summary>
internal static class WindowTimingTable
{
    public static void Print(TextWriter output, string? modelPath)
    {
        output.WriteLine("jobs  pruning  predict ms  match ms  place ms  total ms  peak MiB  edges  pairs  predicted STP");
        foreach (var (jobs, pairing) in new (int, PairingOptions)[]
        {
            (1000, PairingOptions.Default), (2000, PairingOptions.Default), (4000, PairingOptions.Default),
            (10000, new PairingOptions { CandidatesPerSide = 64, PruneTopK = 16 }),
        })
        {
            using var scenario = WindowScenario.Create(jobs, jobs / 2, seed: 1, modelPath);
            var (m, _, _) = WindowRunner.Run(scenario, pairing);
            var label = pairing.PruneTopK is { } k ? $"candidates-{pairing.CandidatesPerSide}/top-{k}" : "exact";
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{m.Jobs}  {label}  {m.PredictMs:0}  {m.MatchMs:0}  {m.PlaceMs:0}  {m.TotalMs:0}  {m.PeakMemMiB:0}  {m.Edges}  {m.Pairs}  {m.PredictedStp:0.0}  ({scenario.PredictorLabel})"));
        }
    }
}
