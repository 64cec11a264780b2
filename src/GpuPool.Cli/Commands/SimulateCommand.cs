using System.CommandLine;
using GpuPool.Cli.Output;
using GpuPool.Core.Gpus;
using GpuPool.Core.Policies;
using GpuPool.Core.Prediction;
using GpuPool.Prediction.DefaultModel;
using GpuPool.Prediction.JobWise;
using GpuPool.Prediction.Models;
using GpuPool.Prediction.Pairing;
using GpuPool.Simulation.Bounds;
using GpuPool.Simulation.Cluster;
using GpuPool.Simulation.Gpus;
using GpuPool.Simulation.Timeline;
using GpuPool.Simulation.Workloads;

namespace GpuPool.Cli.Commands;

/// <summary>
/// `gpupool simulate`: one workload through every policy on the simulated cluster, compared in a
/// table (or JSON) with the Oracle's bound and an optional plot; with --seeds, several workloads
/// summarised as mean (min-max). By default the embedded synthetic workload.
/// </summary>
public static class SimulateCommand
{
    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var dataset = CommonOptions.Dataset("Kernel data set directory (GpuPool or paper-artifact layout); default: the embedded synthetic kernels.");
        var trace = CommonOptions.Trace();
        var seed = new Option<int>("--seed") { Description = "Seed of the job mix and arrivals.", DefaultValueFactory = _ => 0 };
        var gpus = new Option<int>("--gpus") { Description = "GPUs in the cluster (4 per node).", DefaultValueFactory = _ => 16 }.InRange(1, 4096);
        var window = new Option<double>("--window") { Description = "Scheduling window in simulated seconds.", DefaultValueFactory = _ => 30 }.InRange(0.1, 86400);
        var delta = new Option<double>("--delta") { Description = "QoS safety margin of the pairing rule.", DefaultValueFactory = _ => 0.1 };
        var policy = new Option<string[]>("--policy") { Description = "Policies to run (repeatable); default: all.", AllowMultipleArgumentsPerToken = true };
        var jobs = new Option<int>("--jobs") { Description = "Jobs in the workload.", DefaultValueFactory = _ => 100 }.InRange(1, 20000);
        var load = new Option<double>("--load") { Description = "Offered load per GPU (isolated GPU-seconds submitted per second per GPU).", DefaultValueFactory = _ => 1.5 }.InRange(0.001, 1000);
        var noise = new Option<double>("--noise") { Description = "Seeded log-normal noise (sigma) on co-run rates; 0 = off.", DefaultValueFactory = _ => 0 };
        var format = new Option<string>("--format") { Description = "table or json.", DefaultValueFactory = _ => "table" };
        var plot = new Option<string?>("--plot") { Description = "Write a plot (.png or .svg): sorted per-GPU STP per policy, NP relative to QoS per job." }.WritableFile();
        var modelFile = new Option<string?>("--model") { Description = "Trained kernel-wise model (gpupool train); default: the embedded default model." };
        var seeds = new Option<int>("--seeds") { Description = "Run this many seeds from --seed on and print mean (min-max).", DefaultValueFactory = _ => 1 };
        var paper = new Option<bool>("--paper") { Description = "The paper's experiment: seeds 0-4, 100 jobs each, every batch arriving at once." };
        var manifests = new Option<string[]>("--manifests")
        {
            Description = "GpuJob and GpuProfile manifest files (as given to kubectl apply): their jobs arrive at once and run on the node emulator's GPU model.",
            AllowMultipleArgumentsPerToken = true,
        };
        var command = new Command("simulate", "Compare the sharing policies on a simulated cluster.")
        {
            dataset, trace, seed, gpus, window, delta, policy, jobs, load, noise, format, plot, modelFile, seeds, paper, manifests,
        };
        command.SetAction(parse =>
        {
            var settings = new SimulateSettings(
                parse.GetValue(dataset),
                parse.GetValue(trace),
                parse.GetValue(seed),
                parse.GetValue(gpus),
                parse.GetValue(window),
                parse.GetValue(delta),
                parse.GetValue(policy) ?? [],
                parse.GetValue(jobs),
                parse.GetValue(load),
                parse.GetValue(noise),
                parse.GetValue(format)!,
                parse.GetValue(plot),
                parse.GetValue(modelFile),
                parse.GetValue(seeds),
                Manifests: parse.GetValue(manifests) ?? []);
            settings = parse.GetValue(paper) ? settings.AsPaperExperiment() : settings;
            settings.Validate();
            var bar = new ProgressBar(stderr);
            var perSeed = settings.SeedList.Select(s => Run(settings with { Seed = s }, bar)).ToList();
            var results = perSeed[0];
            if (perSeed.Count > 1)
            {
                Action<IReadOnlyList<int>, IReadOnlyList<IReadOnlyList<PolicyResult>>, TextWriter> write = settings.Format == "json" ? SeedSweepOutput.WriteJson : SeedSweepOutput.WriteTable;
                write(settings.SeedList, perSeed, stdout);
            }
            else if (settings.Format == "json")
            {
                ResultJson.Write(results, stdout);
            }
            else
            {
                ResultTable.Write(results, stdout);
            }

            if (settings.PlotPath is not null)
            {
                // Several seeds: the plot shows the first.
                ResultPlot.Save(results, settings.PlotPath);
                stderr.WriteLine($"plot written to {settings.PlotPath}");
            }

            return ExitCodes.Success;
        });
        return command;
    }

    public static IReadOnlyList<PolicyResult> Run(SimulateSettings settings, ProgressBar progress)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(progress);

        // 1. Kernels, ground truth and the workload.
        var (gpu, model, arrivals) = settings.ManifestFiles.Count > 0 ? FromManifests(settings, progress) : Generated(settings);
        if (settings.Noise > 0)
        {
            model = new NoisyCoRunModel(model, settings.Noise, settings.Seed);
        }

        var rates = new SettingRates(model, gpu);
        var cluster = new ClusterOptions { Gpus = settings.Gpus, WindowSeconds = settings.WindowSeconds, GpuModel = gpu };
        RunSize.Check(arrivals, settings.Gpus, settings.WindowSeconds);

        // 2. The policies: GpuPool decides with the trained model, TrueNpMatching with ground truth.
        using var kernelModel = LoadModel(settings.ModelPath);

        // Pending jobs are asked about again every window; the profile cache answers repeats.
        var trained = new CachingPairPredictor(new ModelPairPredictor(kernelModel, gpu, new SteadyStateOptions()));
        var all = PolicyCatalog.All(new GroundTruthPairPredictor(rates), trained, settings.Delta);
        IReadOnlyList<NamedPolicy> chosen;
        try
        {
            chosen = settings.Policies.Count == 0 ? all : PolicyCatalog.Select(all, settings.Policies);
        }
        catch (ArgumentException e)
        {
            throw new UsageException($"--policy: {e.Message}", e);
        }

        // 3. Each policy over the same arrivals.
        var simulator = new ClusterSimulator(cluster, rates);
        var results = new List<PolicyResult>();
        for (var i = 0; i < chosen.Count; i++)
        {
            var index = i;
            results.Add(simulator.Run(chosen[i], arrivals, new Progress(done => progress.Show(index, chosen.Count, done, arrivals.Count))));
        }

        progress.Done();
        if (PolicyCatalog.WantsBound(settings.Policies))
        {
            results.Add(PolicyResult.Bound(PolicyNames.Oracle, ThroughputBound.StpPerGpu([.. arrivals.Select(a => a.Job)], rates, PolicyCatalog.PairSettings)));
        }

        return results;
    }

    private static (GpuModel Gpu, ICoRunModel Model, IReadOnlyList<JobArrival> Arrivals) Generated(SimulateSettings settings)
    {
        var data = CommonOptions.LoadDataset(settings.Dataset);
        var model = CommonOptions.Calibrate(settings.Dataset, () => CalibratedCoRunModel.For(data));
        var workload = new WorkloadOptions
        {
            JobMix = new JobMixOptions { JobCount = settings.Jobs },
            Seed = settings.Seed,
            Load = settings.Load,
            TracePath = settings.Trace,
            AllAtOnce = settings.AllAtOnce,
        };
        try
        {
            return (data.Gpu, model, WorkloadBuilder.Build(data, workload, settings.Gpus));
        }
        catch (ArgumentException e)
        {
            throw new UsageException(e.Message, e);
        }
    }

    // The node emulator's ground truth (the device plugin's default simulated GPU and the shipped
    // contention parameters), so the figures stand beside the same batch run on a node.
    private static (GpuModel Gpu, ICoRunModel Model, IReadOnlyList<JobArrival> Arrivals) FromManifests(SimulateSettings settings, ProgressBar progress)
    {
        var workload = ManifestWorkload.Load(settings.ManifestFiles);
        if (workload.Waiting.Count > 0)
        {
            progress.Note($"left out, their GpuProfile is in none of the files (they wait on a cluster): {string.Join(", ", workload.Waiting)}");
        }

        return (GpuModel.V100, new ContentionModel(GpuModel.V100, CoRunParameters.Default), workload.Arrivals);
    }

    // Reports synchronously: System.Progress<T> would post to the thread pool and print out of order.
    private sealed class Progress(Action<int> report) : IProgress<int>
    {
        public void Report(int value) => report(value);
    }

    private static KernelNpModel LoadModel(string? path)
    {
        try
        {
            return DefaultModel.LoadFileOrDefault(path);
        }
        catch (Exception e) when (e is IOException or InvalidDataException or ModelSchemaMismatchException)
        {
            throw new UsageException($"--model: {e.Message}", e);
        }
    }
}
