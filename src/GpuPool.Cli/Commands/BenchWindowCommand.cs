using System.CommandLine;
using System.Globalization;
using GpuPool.Core.Pairing;

namespace GpuPool.Cli.Commands;

/// <summary>`gpupool bench window`: one full scheduling window of generated jobs, timed per step.</summary>
internal static class BenchWindowCommand
{
    public static Command Create()
    {
        var jobs = new Option<int>("--jobs") { Description = "Pending jobs in the window", DefaultValueFactory = _ => 1000 };
        var gpus = new Option<int?>("--gpus") { Description = "Idle GPUs (default: jobs / 2, room for every pair)" };
        var topK = new Option<int?>("--prune-top-k") { Description = "Keep k partners per job: its k/2 best by predicted pair STP and k/2 spread over the rest (default: exact)" };
        var candidates = new Option<int?>("--candidates") { Description = "Consider each job only with 2 x this many sampled partners (default: every pair)" };
        var seed = new Option<int>("--seed") { Description = "Workload seed", DefaultValueFactory = _ => 1 };
        var profiles = new Option<int?>("--profiles") { Description = "Jobs repeat this many applications (default: every job distinct)" };
        var model = new Option<string?>("--model") { Description = "Saved model (default: the embedded default model; ground truth if none)" };
        var warmup = new Option<int>("--warmup-jobs")
        {
            Description = "Jobs in an unmeasured window run first (another seed, its own caches) so the measured one runs JIT-compiled code, as every window of a running operator but its first does; 0 measures a cold process",
            DefaultValueFactory = _ => 200,
        }.Must(n => n >= 0, "0 or more");
        var count = new Option<bool>("--count") { Description = "Afterwards, rerun the window untimed and print what it asked of the predictor (stderr)" };
        var format = new Option<string>("--format") { Description = "text or json", DefaultValueFactory = _ => "text" };
        format.AcceptOnlyFromAmong("text", "json");
        var command = new Command("window", "Run one window (predict all candidate pairs, match, place) and print time per step and memory.")
        {
            jobs, gpus, topK, candidates, seed, profiles, model, warmup, count, format,
        };
        command.SetAction(parsed =>
        {
            var jobCount = parsed.GetValue(jobs);
            var pairing = new PairingOptions { PruneTopK = parsed.GetValue(topK), CandidatesPerSide = parsed.GetValue(candidates) }.Validated();
            var warmupMs = WarmUp(parsed.GetValue(warmup), parsed.GetValue(seed), parsed.GetValue(model), parsed.GetValue(profiles), pairing);
            var create = () => WindowScenario.Create(jobCount, parsed.GetValue(gpus) ?? Math.Max(1, jobCount / 2), parsed.GetValue(seed), parsed.GetValue(model), parsed.GetValue(profiles));
            using var scenario = create();
            var (result, _, cpuMs) = WindowRunner.Run(scenario, pairing);
            if (parsed.GetValue(count))
            {
                Console.Error.WriteLine(Counts(create, pairing));
            }

            if (parsed.GetValue(format) == "json")
            {
                Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"predictor: {scenario.PredictorLabel}; process CPU {cpuMs:0} ms; warm-up window {warmupMs:0} ms"));
                Console.WriteLine(result.ToJson());
                return 0;
            }

            Console.WriteLine($"predictor: {scenario.PredictorLabel}; cores {Environment.ProcessorCount}; pruning {(pairing.PruneTopK is { } k ? $"top-{k}" : "none")}; candidates {(pairing.CandidatesPerSide is { } s ? $"2 x {s} per job" : "every pair")}");
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"warm-up window: {parsed.GetValue(warmup)} jobs, {warmupMs:0} ms (not measured below)"));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"jobs {result.Jobs}  gpus {result.Gpus}  edges {result.Edges}  pairs {result.Pairs}  predicted STP {result.PredictedStp:0.000}"));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"predict {result.PredictMs:0.0} ms  match {result.MatchMs:0.0} ms  place {result.PlaceMs:0.0} ms  total {result.TotalMs:0.0} ms (process CPU {cpuMs:0} ms)  peak managed {result.PeakMemMiB:0.0} MiB"));
            return 0;
        });
        return command;
    }

    /// <summary>The same window again, with fresh caches and every predictor call counted.</summary>
    private static string Counts(Func<WindowScenario> create, PairingOptions pairing)
    {
        using var scenario = create();
        var counting = new CountingPredictor(scenario.Predictor, WindowRunner.Rule);
        var (result, _, _) = WindowRunner.Run(scenario, pairing, counting);
        return string.Create(CultureInfo.InvariantCulture,
            $"counts (untimed rerun): pairs screened {counting.Screened}, with a setting that can clear {counting.Open}, settings predicted {counting.Predicted}, edges {result.Edges}");
    }

    /// <summary>Runs the unmeasured warm-up window; its wall time in ms (0 when there is none).</summary>
    private static double WarmUp(int jobs, int seed, string? model, int? profiles, PairingOptions pairing)
    {
        if (jobs < 2)
        {
            return 0;
        }

        using var warm = WindowScenario.Create(jobs, Math.Max(1, jobs / 2), seed + 1000, model, profiles is { } p ? Math.Min(p, jobs) : null);
        return WindowRunner.Run(warm, pairing).Measurement.TotalMs;
    }
}
