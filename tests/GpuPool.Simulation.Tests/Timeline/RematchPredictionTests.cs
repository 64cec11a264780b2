using GpuPool.Core.Jobs;
using GpuPool.Core.Placement;
using GpuPool.Core.Prediction;
using GpuPool.Core.Sharing;
using GpuPool.Simulation.Gpus;
using GpuPool.Simulation.Timeline;
using GpuPool.Simulation.Workloads;

namespace GpuPool.Simulation.Tests.Timeline;

/// <summary>
/// A job joining a running partner, predicted over the partner's remaining work and judged on its
/// whole life (<see cref="PairingRule.BestBeside"/>), against the exact timeline of the same GPU.
/// </summary>
public sealed class RematchPredictionTests
{
    public static TheoryData<int, double> Cases => new()
    {
        { 0, 0.75 }, { 1, 0.75 }, { 2, 0.5 }, { 3, 0.25 }, { 4, 0.5 }, { 5, 0.75 },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Remaining_work_prediction_matches_the_exact_timeline_of_a_job_joining_a_running_partner(int seed, double runningShare)
    {
        var run = Rematch(seed, runningShare);

        Assert.True(run.SameSetting);
        Assert.InRange(run.PredictedNewcomer - run.Newcomer, -0.005, 0.005);
        Assert.InRange(run.PredictedRunning - run.Running, -0.005, 0.005);
    }

    // Per case the remaining-work prediction is mostly, not always, nearer (a partly done iteration
    // counts whole, so its error is not zero); over the cases it must be clearly nearer.
    [Fact]
    public void Remaining_work_predicts_the_running_job_better_than_predicting_it_as_if_it_started_now()
    {
        var runs = Cases.Select(c => Rematch((int)c[0], (double)c[1])).ToList();

        var remaining = runs.Average(r => Math.Abs(r.PredictedRunning - r.Running));
        var fresh = runs.Average(r => Math.Abs(r.Fresh - r.Running));

        Assert.True(remaining < fresh / 2, $"mean error: remaining-work {remaining}, fresh {fresh}");
    }

    private static RematchRun Rematch(int seed, double runningShare)
    {
        var dataset = EmbeddedWorkload.Dataset();
        var rates = new SettingRates(CalibratedCoRunModel.For(dataset), dataset.Gpu);
        var jobs = JobMixGenerator.Generate(dataset.Profiles, new JobMixOptions { JobCount = 3, Iterations = [40], QosTargets = [0.1] }, seed);
        var (first, newcomer) = (Shorter(jobs[1]), jobs[2]);

        // 1. Two jobs start together; one ends (mostly the shortened one); the survivor runs on alone for a while.
        var gpu = new GpuTimeline(rates);
        gpu.Start(jobs[0], SharingSetting.Split(runningShare));
        gpu.Start(first, SharingSetting.Split(runningShare).Swapped);
        while (gpu.Running.Count == 2)
        {
            gpu.AdvanceTo(gpu.Now + (jobs[0].IterationSeconds / 3));
        }

        var progress = gpu.Running.Single();
        var running = progress.Job;
        gpu.AdvanceTo(gpu.Now + Math.Min(running.IterationSeconds * 2.5, (running.IsolatedSeconds - progress.CompletedIsolatedSeconds) / 3));
        var resident = new Resident(gpu.SettingOf(running), progress.CompletedIsolatedSeconds, gpu.Now - progress.StartSeconds);

        // 2. Predictions with exact ground truth: over the remaining work, and as if both started now.
        var truth = new GroundTruthPairPredictor(rates, exactIterations: null);
        var predicted = new PairingRule(0, PairingRule.DefaultSettings).BestBeside(newcomer, running, resident, truth)!;
        var fresh = truth.Predict(newcomer, running, [resident.NewcomerSetting])[0];

        // 3. What really happens.
        var joinedAt = gpu.Now;
        gpu.Start(newcomer, resident.NewcomerSetting);
        var ends = gpu.AdvanceTo(double.PositiveInfinity).ToDictionary(f => f.Job, f => f.EndSeconds);
        var newcomerNp = newcomer.IsolatedSeconds / (ends[newcomer] - joinedAt);
        var runningNp = running.IsolatedSeconds / ends[running];

        return new RematchRun(resident.NewcomerSetting == predicted.Setting, predicted.NpA, newcomerNp, predicted.NpB, runningNp, fresh.NpB);
    }

    private static Job Shorter(Job job) => new(job.Id, job.Kernels, 2, job.QosTarget, job.GpuMemoryMiB);
}
