using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using GpuPool.Core.Prediction;
using GpuPool.Prediction.JobWise;
using GpuPool.Prediction.Pairing;
using GpuPool.Simulation.Datasets;

namespace GpuPool.Cli.Commands;

/// <summary>`gpupool bench predict`: time to predict every pair of a window of jobs (all settings, kernel-pair cache).</summary>
internal static class BenchPredictCommand
{
    public static Command Create()
    {
        var dataset = new Option<string>("--dataset") { Description = "Data set directory (kernel profiles for the jobs)", Required = true };
        var model = new Option<string?>("--model") { Description = "Saved model (default: FastTree trained on the data set)" };
        var jobs = new Option<int>("--jobs") { Description = "Jobs in the window", DefaultValueFactory = _ => 1000 }.Must(n => n >= 2, "at least 2");
        var seed = new Option<int>("--seed") { Description = "Job generator seed", DefaultValueFactory = _ => 1 };
        var command = new Command("predict", "Predict all pairs of a window of generated jobs and print the time.") { dataset, model, jobs, seed };
        command.SetAction(parsed =>
        {
            var count = parsed.GetValue(jobs);
            var data = DatasetLoader.Load(parsed.GetValue(dataset)!);
            using var kernelModel = BenchModel.LoadOrTrain(parsed.GetValue(model), data);
            var window = BenchJobs.Generate(data.Profiles, count, parsed.GetValue(seed));
            var predictor = new ModelPairPredictor(kernelModel, data.Gpu, new SteadyStateOptions());
            var rule = new PairingRule(0.1, PairingRule.DefaultSettings);

            var clock = Stopwatch.StartNew();
            var edges = 0;
            Parallel.For(0, window.Count, () => 0, (i, _, local) =>
            {
                for (var j = i + 1; j < window.Count; j++)
                {
                    local += rule.Best(window[i], window[j], predictor) is null ? 0 : 1;
                }

                return local;
            }, local => Interlocked.Add(ref edges, local));
            clock.Stop();

            var pairs = (long)count * (count - 1) / 2;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"jobs {count}  pairs {pairs}  settings {rule.Settings.Count}  edges {edges}  kernel pairs cached {predictor.CachedKernelPairs}  cores {Environment.ProcessorCount}"));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"elapsed {clock.Elapsed.TotalSeconds:0.000} s  ({clock.Elapsed.TotalMicroseconds / pairs:0.0} us per pair)"));
            return 0;
        });
        return command;
    }
}
