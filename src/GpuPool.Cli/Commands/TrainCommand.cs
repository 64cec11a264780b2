using System.CommandLine;
using GpuPool.Prediction.Models;
using GpuPool.Prediction.Training;
using GpuPool.Simulation.Datasets;
using GpuPool.Simulation.Gpus;
using GpuPool.Simulation.Workloads;

namespace GpuPool.Cli.Commands;

/// <summary>`gpupool train`: trains the kernel-wise model on a data set's co-runs and saves it.</summary>
internal static class TrainCommand
{
    public static Command Create()
    {
        var dataset = new Option<string?>("--dataset") { Description = "Data set directory (with --simulated: default is the embedded synthetic kernel set)" };
        var output = new Option<string>("--out") { Description = "Model file to write (.zip)", Required = true }.WritableFile();
        var learner = new Option<string>("--learner") { Description = "fasttree, fastforest, lightgbm or sdca", DefaultValueFactory = _ => "fasttree" };
        var simulated = new Option<bool>("--simulated")
        {
            Description = "Train on co-runs of the data set's kernels answered by the simulated GPU's contention model, not on its measured co-runs",
        };
        var shared = new LearnerOptionSet();
        var command = new Command("train", "Train the kernel-wise NP model and save it as one file.") { dataset, output, learner, simulated };
        shared.AddTo(command);
        command.SetAction(parsed => CommandErrors.Guard(parsed.InvocationConfiguration.Error, () =>
        {
            var kind = CommandErrors.Option("--learner", () => LearnerCatalog.Parse(parsed.GetValue(learner)!));
            var features = shared.FeatureSet(parsed);
            var directory = parsed.GetValue(dataset);
            var isSimulated = parsed.GetValue(simulated);
            if (directory is null && !isSimulated)
            {
                throw new ArgumentException("--dataset: required unless --simulated trains on the embedded synthetic kernel set.");
            }

            var data = directory is null ? EmbeddedWorkload.Dataset() : DatasetLoader.Load(directory);
            var name = directory is null ? "embedded synthetic kernels" : Path.GetFileName(Path.GetFullPath(directory));
            if (isSimulated)
            {
                // Measured co-runs are neither answered from nor trained on: only the profiles and the contention model.
                data = SimulatedCoRuns.Generate(data, new CalibratedCoRunModel(data.Gpu, CoRunParameters.Default, []));
                name = $"{name} (simulated co-runs)";
            }

            var samples = PairSampleBuilder.Build(data, features);
            using var model = new KernelModelTrainer(TimeProvider.System).Train(samples, features, kind, shared.Learner(parsed), name);
            var path = parsed.GetValue(output)!;
            ModelFile.Save(model, path);
            parsed.InvocationConfiguration.Output.WriteLine($"trained {kind} on {samples.Count} samples ({features.Name} features, {features.Count}) -> {path}");
            return 0;
        }));
        return command;
    }
}
