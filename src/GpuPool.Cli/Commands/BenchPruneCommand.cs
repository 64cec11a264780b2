using System.CommandLine;
using System.Globalization;
using GpuPool.Core.Pairing;

namespace GpuPool.Cli.Commands;

/// <summary>
/// `gpupool bench prune`: the quality cost of candidate pruning. On each seeded window it plans
/// exactly and with top-k pruning, and compares predicted STP and the true QoS_reached (ground
/// truth on the same placements).
/// </summary>
internal static class BenchPruneCommand
{
    public static Command Create()
    {
        var jobs = new Option<int>("--jobs") { Description = "Pending jobs per window", DefaultValueFactory = _ => 1000 };
        var topK = new Option<int?>("--prune-top-k") { Description = "k of the pruned plan (default: no top-k)" };
        var candidates = new Option<int?>("--candidates") { Description = "Sampled partners per side of the pruned plan (default: every pair)" };
        var seeds = new Option<int>("--seeds") { Description = "Windows (seeds 1..n)", DefaultValueFactory = _ => 3 };
        var profiles = new Option<int?>("--profiles") { Description = "Jobs repeat this many applications (default: every job distinct)" };
        var model = new Option<string?>("--model") { Description = "Saved model (default: the embedded default model; ground truth if none)" };
        var command = new Command("prune", "Compare pruned (top-k and/or sampled candidates) and exact plans on the same seeded windows.") { jobs, topK, candidates, seeds, profiles, model };
        command.SetAction(parsed =>
        {
            var count = parsed.GetValue(jobs);
            var pruning = new PairingOptions { PruneTopK = parsed.GetValue(topK), CandidatesPerSide = parsed.GetValue(candidates) }.Validated();
            var label = string.Empty;
            Console.WriteLine("seed  edges(exact/pruned)  pairs(exact/pruned)  predictedSTP(exact/pruned, diff)  QoS_reached(exact/pruned)");
            for (var seed = 1; seed <= parsed.GetValue(seeds); seed++)
            {
                using var scenario = WindowScenario.Create(count, Math.Max(1, count / 2), seed, parsed.GetValue(model), parsed.GetValue(profiles));
                label = scenario.PredictorLabel;
                var (exact, exactPlan, _) = WindowRunner.Run(scenario, PairingOptions.Default);
                var (pruned, prunedPlan, _) = WindowRunner.Run(scenario, pruning);
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"{seed}  {exact.Edges}/{pruned.Edges}  {exact.Pairs}/{pruned.Pairs}  {exact.PredictedStp:0.000}/{pruned.PredictedStp:0.000} ({(pruned.PredictedStp - exact.PredictedStp) / exact.PredictedStp:+0.000%;-0.000%})  "
                    + $"{PlanQuality.QosReached(exactPlan, scenario.GroundTruth):0.0000}/{PlanQuality.QosReached(prunedPlan, scenario.GroundTruth):0.0000}"));
            }

            Console.WriteLine($"jobs {count}, top-k {pruning.PruneTopK?.ToString(CultureInfo.InvariantCulture) ?? "none"}, candidates per side {pruning.CandidatesPerSide?.ToString(CultureInfo.InvariantCulture) ?? "all"}, predictor: {label}");
            return 0;
        });
        return command;
    }
}
