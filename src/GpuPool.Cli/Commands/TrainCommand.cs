using System.CommandLine;
using GpuPool.Cli.Feedback;
using GpuPool.Core.Gpus;
using GpuPool.Prediction.Features;
using GpuPool.Prediction.Models;
using GpuPool.Prediction.Training;
using GpuPool.Simulation.Datasets;
using GpuPool.Simulation.Gpus;
using GpuPool.Simulation.Workloads;

namespace GpuPool.Cli.Commands;

/// <summary>`gpupool train`: trains the kernel-wise model on a data set's co-runs (and the operator's observations) and saves it.</summary>
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
        var observations = new Option<string?>("--observations") { Description = "The operator's observations file (JSON lines, ObservationsPath): measured job NPs to train on, with or without a data set" };
        var manifests = new Option<string[]>("--manifests") { Description = "With --observations: the GpuJob and GpuProfile manifests of the observed jobs (their kernels)", AllowMultipleArgumentsPerToken = true };
        var weight = new Option<int>("--observation-weight") { Description = "Times each observation's samples are repeated beside the data set's", DefaultValueFactory = _ => 10 }.InRange(1, 1000);
        var shared = new LearnerOptionSet();
        var command = new Command("train", "Train the kernel-wise NP model and save it as one file.") { dataset, output, learner, simulated, observations, manifests, weight };
        shared.AddTo(command);
        command.SetAction(parsed =>
        {
            var kind = CommandErrors.Option("--learner", () => LearnerCatalog.Parse(parsed.GetValue(learner)!));
            var features = shared.FeatureSet(parsed);
            var directory = parsed.GetValue(dataset);
            var isSimulated = parsed.GetValue(simulated);
            var observed = parsed.GetValue(observations);
            if (directory is null && !isSimulated && observed is null)
            {
                throw new ArgumentException("--dataset: required unless --simulated trains on the embedded synthetic kernel set or --observations on measured jobs.");
            }

            if (observed is null && parsed.GetValue(manifests) is { Length: > 0 })
            {
                throw new ArgumentException("--manifests: only read with --observations (the observed jobs' kernels).");
            }

            var samples = new List<PairSample>();
            var names = new List<string>();
            if (directory is not null || isSimulated)
            {
                var data = directory is null ? EmbeddedWorkload.Dataset() : DatasetLoader.Load(directory);
                var name = directory is null ? "embedded synthetic kernels" : Path.GetFileName(Path.GetFullPath(directory));
                if (isSimulated)
                {
                    // Measured co-runs are neither answered from nor trained on: only the profiles and the contention model.
                    data = SimulatedCoRuns.Generate(data, new CalibratedCoRunModel(data.Gpu, CoRunParameters.Default, []));
                    name = $"{name} (simulated co-runs)";
                }

                // As evaluate does by default: a job-level set's own counters are features too.
                var own = DatasetCounters.For(features, DatasetCounters.Of(data), DatasetCounterUse.Auto);
                features = own.Set;
                if (own.Added.Count > 0)
                {
                    parsed.InvocationConfiguration.Error.WriteLine($"note: the data set's own counters read as features: {string.Join(", ", own.Added)}");
                }

                samples.AddRange(PairSampleBuilder.Build(data, features));
                names.Add(name);
            }

            var stdout = parsed.InvocationConfiguration.Output;
            if (observed is not null)
            {
                var training = Observations(observed, parsed.GetValue(manifests) ?? [], features, parsed.GetValue(weight), samples.Count);
                samples.AddRange(training.Samples);
                names.Add($"observations {Path.GetFileName(observed)}");
                stdout.WriteLine($"observations: {training.Used} used ({training.Samples.Count} samples), {training.Skipped.Count} skipped, {training.Duplicates} repeated line{(training.Duplicates == 1 ? string.Empty : "s")} dropped");
                foreach (var reason in training.Skipped)
                {
                    parsed.InvocationConfiguration.Error.WriteLine($"skipped: {reason}");
                }
            }

            if (samples.Count == 0)
            {
                throw new ArgumentException("--observations: no observation could be used and there is no data set to train on.");
            }

            using var model = new KernelModelTrainer(TimeProvider.System).Train(samples, features, kind, shared.Learner(parsed), string.Join(" + ", names));
            var path = parsed.GetValue(output)!;
            ModelFile.Save(model, path);
            stdout.WriteLine($"trained {kind} on {samples.Count} samples ({features.Name} features, {features.Count}) -> {path}");
            return 0;
        });
        return command;
    }

    /// <summary>The observations' samples; the operator derives quotas on the V100 model, so they are derived on it here too.</summary>
    private static ObservationTraining Observations(string path, string[] manifests, FeatureSet features, int weight, int firstRow)
    {
        if (manifests.Length == 0)
        {
            throw new ArgumentException("--manifests: required with --observations (the observed jobs' GpuJobs and GpuProfiles give their kernels).");
        }

        var set = ObservationLog.Read(path);
        return ObservationSamples.Build(set, ManifestResources.Read(manifests), features, GpuModel.V100, weight, firstRow);
    }
}
