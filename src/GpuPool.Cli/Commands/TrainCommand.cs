using System.CommandLine;
using GpuPool.Prediction.Models;
using GpuPool.Prediction.Training;
using GpuPool.Simulation.Datasets;

namespace GpuPool.Cli.Commands;

/// <summary>`gpupool train`: trains the kernel-wise model on a data set's co-runs and saves it.</summary>
internal static class TrainCommand
{
    public static Command Create()
    {
        var dataset = new Option<string>("--dataset") { Description = "Data set directory", Required = true };
        var output = new Option<string>("--out") { Description = "Model file to write (.zip)", Required = true };
        var learner = new Option<string>("--learner") { Description = "fasttree, fastforest, lightgbm or sdca", DefaultValueFactory = _ => "fasttree" };
        var shared = new LearnerOptionSet();
        var command = new Command("train", "Train the kernel-wise NP model and save it as one file.") { dataset, output, learner };
        shared.AddTo(command);
        command.SetAction(parsed => CommandErrors.Guard(() =>
        {
            var kind = LearnerCatalog.Parse(parsed.GetValue(learner)!);
            var features = shared.FeatureSet(parsed);
            var directory = parsed.GetValue(dataset)!;
            var data = DatasetLoader.Load(directory);
            var samples = PairSampleBuilder.Build(data, features);
            using var model = new KernelModelTrainer(TimeProvider.System).Train(samples, features, kind, shared.Learner(parsed), Path.GetFileName(Path.GetFullPath(directory)));
            var path = parsed.GetValue(output)!;
            ModelFile.Save(model, path);
            Console.WriteLine($"trained {kind} on {samples.Count} samples ({features.Name} features, {features.Count}) -> {path}");
            return 0;
        }));
        return command;
    }
}
