using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using GpuPool.Core.Sharing;
using GpuPool.Prediction.JobWise;
using GpuPool.Prediction.Pairing;
using GpuPool.Simulation.Datasets;
using GpuPool.Simulation.Timeline;

namespace GpuPool.Cli.Commands;

/// <summary>
/// `gpupool bench timeline`: the steady-state job-wise shortcut against the full timeline on
/// generated job pairs (interference matrices from the kernel-wise model at the even split).
/// </summary>
internal static class BenchTimelineCommand
{
    public static Command Create()
    {
        var dataset = new Option<string>("--dataset") { Description = "Data set directory (kernel profiles for the jobs)", Required = true };
        var model = new Option<string?>("--model") { Description = "Saved model (default: FastTree trained on the data set)" };
        var pairs = new Option<int>("--pairs") { Description = "Job pairs to compare", DefaultValueFactory = _ => 500 };
        var step = new Option<int>("--step") { Description = "Iterations per steady-state epoch", DefaultValueFactory = _ => new SteadyStateOptions().StepIterations };
        var epsilon = new Option<double>("--epsilon") { Description = "Steady-state tolerance on accumulated NP", DefaultValueFactory = _ => new SteadyStateOptions().Epsilon };
        var command = new Command("timeline", "Steady-state vs full timeline: error and speed on generated job pairs.") { dataset, model, pairs, step, epsilon };
        command.SetAction(parsed =>
        {
            var options = new SteadyStateOptions { StepIterations = parsed.GetValue(step), Epsilon = parsed.GetValue(epsilon) }.Validated();
            var data = DatasetLoader.Load(parsed.GetValue(dataset)!);
            using var kernelModel = BenchModel.LoadOrTrain(parsed.GetValue(model), data);
            var predictor = new ModelPairPredictor(kernelModel, data.Gpu, options);
            var jobs = BenchJobs.Generate(data.Profiles, 2 * parsed.GetValue(pairs), seed: 7);
            var cases = Enumerable.Range(0, jobs.Count / 2).Select(i => (A: jobs[2 * i], B: jobs[(2 * i) + 1])).ToList();
            var matrices = cases.Select(p => predictor.Matrix(p.A, p.B, SharingSetting.Even)).ToList();
            var full = new PairTimeline(new SettingRates(new PredictedCoRunModel(predictor), data.Gpu));

            // The simulated GPU's exact timeline on the same predicted rates is the reference.
            var exactClock = Stopwatch.StartNew();
            var exact = cases.Select(p => full.Run(p.A, p.B, SharingSetting.Even)).ToList();
            exactClock.Stop();
            var steadyClock = Stopwatch.StartNew();
            var steady = cases.Select((p, i) => SteadyStateTimeline.Run(KernelSequence.Of(p.A), KernelSequence.Of(p.B), matrices[i], options, predictor.AloneSlowness(p.A, p.B, SharingSetting.Even))).ToList();
            steadyClock.Stop();

            var errors = exact.Zip(steady, (e, s) => new[] { Math.Abs(s.NpA - e.NpA) / e.NpA, Math.Abs(s.NpB - e.NpB) / e.NpB }).SelectMany(x => x).ToList();
            var c = CultureInfo.InvariantCulture;
            Console.WriteLine(string.Create(c, $"job pairs {cases.Count}  step {options.StepIterations}  epsilon {options.Epsilon}"));
            Console.WriteLine(string.Create(c, $"NP relative error: mean {errors.Average():P3}  max {errors.Max():P3}"));
            Console.WriteLine(string.Create(c, $"steady-state events per pair {steady.Average(r => r.Events):0}; extrapolated {steady.Count(r => r.Extrapolated)} of {steady.Count}"));
            Console.WriteLine(string.Create(c, $"time: full {exactClock.Elapsed.TotalMilliseconds:0.0} ms  steady {steadyClock.Elapsed.TotalMilliseconds:0.0} ms"));
            return 0;
        });
        return command;
    }
}
