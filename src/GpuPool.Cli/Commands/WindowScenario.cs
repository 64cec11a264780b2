using GpuPool.Core.Gpus;
using GpuPool.Core.Jobs;
using GpuPool.Core.Placement;
using GpuPool.Core.Prediction;
using GpuPool.Prediction.JobWise;
using GpuPool.Prediction.Models;
using GpuPool.Prediction.Pairing;
using GpuPool.Simulation.Gpus;
using GpuPool.Simulation.Timeline;
using GpuPool.Simulation.Workloads;

namespace GpuPool.Cli.Commands;

/// <summary>
/// One scheduling window to measure: N pending jobs drawn from the embedded default workload (the
/// paper's job mix, seeded), G idle GPUs, and the predictor GpuPool would use. The trained model
/// (a saved one, else the embedded default) predicts; when neither exists the ground truth stands
/// in and <see cref="PredictorLabel"/> says so.
/// </summary>
internal sealed class WindowScenario : IDisposable
{
    private readonly KernelNpModel? _model;

    private WindowScenario(SchedulingBatch batch, IPairPredictor predictor, string predictorLabel, IPairPredictor groundTruth, KernelNpModel? model)
    {
        Batch = batch;
        Predictor = predictor;
        PredictorLabel = predictorLabel;
        GroundTruth = groundTruth;
        _model = model;
    }

    public SchedulingBatch Batch { get; }

    /// <summary>The window's predictor behind the profile cache.</summary>
    public IPairPredictor Predictor { get; }

    public string PredictorLabel { get; }

    /// <summary>The simulated GPU's true NPs, to judge a plan.</summary>
    public IPairPredictor GroundTruth { get; }

    public void Dispose() => _model?.Dispose();

    /// <param name="profiles">
    /// Null: every job draws its own kernels (the paper's mix; no two jobs share a profile). P: the
    /// jobs repeat P applications (kernel sequence and iterations), QoS target and memory still drawn
    /// per job, as when a cluster runs the same programs again and again.
    /// </param>
    public static WindowScenario Create(int jobs, int gpus, int seed, string? modelPath, int? profiles = null)
    {
        if (jobs < 2)
        {
            throw new ArgumentException($"--jobs: {jobs} is fewer than 2.");
        }

        if (gpus < 1)
        {
            throw new ArgumentException($"--gpus: {gpus} is fewer than 1.");
        }

        if (profiles is < 1)
        {
            throw new ArgumentException($"--profiles: {profiles} is fewer than 1.");
        }

        var dataset = EmbeddedWorkload.Dataset();
        var pending = JobMixGenerator.Generate(dataset.Profiles, new JobMixOptions { JobCount = jobs }, seed);
        if (profiles is { } p)
        {
            var applications = pending.Take(p).ToList();
            pending = pending.Select((job, i) => new Job(job.Id, applications[i % p].Kernels, applications[i % p].Iterations, job.QosTarget, job.GpuMemoryMiB)).ToList();
        }

        var idle = Enumerable.Range(0, gpus).Select(i => GpuState.Idle(new Gpu(new GpuId($"node-{i / 8}", i % 8), dataset.Gpu))).ToList();
        var groundTruth = new GroundTruthPairPredictor(new SettingRates(CalibratedCoRunModel.For(dataset), dataset.Gpu));

        var model = modelPath is not null ? ModelFile.Load(modelPath)
            : GpuPool.Prediction.DefaultModel.DefaultModel.IsEmbedded ? GpuPool.Prediction.DefaultModel.DefaultModel.Load()
            : null;
        var (predictor, label) = model is null
            ? ((IPairPredictor)groundTruth, "ground-truth NP (no trained model in this build)")
            : (new ModelPairPredictor(model, dataset.Gpu, new SteadyStateOptions()), modelPath is null ? "embedded default model" : $"model {Path.GetFileName(modelPath)}");
        return new WindowScenario(new SchedulingBatch(pending, idle), new CachingPairPredictor(predictor), label, groundTruth, model);
    }
}
