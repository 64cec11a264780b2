using GpuPool.Core.Placement;
using GpuPool.Core.Policies;
using GpuPool.Core.Prediction;
using GpuPool.Core.Sharing;
using GpuPool.Core.Tests.Builders;

namespace GpuPool.Core.Tests.Policies;

public class MatchingPolicyTests
{
    private static readonly PairingRule Rule = new(0.1, PairingRule.DefaultSettings);

    private static Dictionary<string, string?> Partners(PlacementPlan plan) => plan.Assignments.ToDictionary(a => a.Job.Id, a => a.Partner?.Id);

    [Fact]
    public void Pairs_only_jobs_whose_predicted_np_clears_qos_with_the_margin()
    {
        var predictor = new TablePredictor { DefaultNp = 0.3 }
            .With("a", "b", 0.8, 0.8)
            .With("c", "d", 0.8, 0.54);   // d's 0.54 < 0.5 x 1.1

        var plan = MatchingPolicy.GpuPool(predictor, Rule).Plan(new SchedulingBatch(
            [Build.Job("a"), Build.Job("b"), Build.Job("c"), Build.Job("d")], Build.IdleGpus(4)));

        var partners = Partners(plan);
        Assert.Equal("b", partners["a"]);
        Assert.Null(partners["c"]);
        Assert.Null(partners["d"]);
        Assert.Equal(3, plan.Assignments.Select(a => a.Gpu).Distinct().Count());
    }

    [Fact]
    public void Maximum_cardinality_beats_a_greedy_choice_on_a_path()
    {
        // a-b-c-d: greedy on the heavy middle edge would leave a and d alone.
        var predictor = new TablePredictor { DefaultNp = 0.3 }
            .With("a", "b", 0.6, 0.6).With("b", "c", 0.95, 0.95).With("c", "d", 0.6, 0.6);

        var plan = MatchingPolicy.GpuPool(predictor, Rule).Plan(new SchedulingBatch(
            [Build.Job("a"), Build.Job("b"), Build.Job("c"), Build.Job("d")], Build.IdleGpus(4)));

        Assert.Equal(2, plan.PairsFormed);
        Assert.Equal("b", Partners(plan)["a"]);
    }

    [Fact]
    public void Weighted_prefers_the_higher_stp_among_equally_many_pairs_of_equal_length()
    {
        // Two perfect matchings of a 4-cycle of equally long jobs; the second has the higher predicted STP (so saves more).
        var predictor = new TablePredictor { DefaultNp = 0.3 }
            .With("a", "b", 0.6, 0.6).With("c", "d", 0.6, 0.6)
            .With("a", "d", 0.9, 0.9).With("b", "c", 0.9, 0.9);
        var batch = new SchedulingBatch([Build.Job("a"), Build.Job("b"), Build.Job("c"), Build.Job("d")], Build.IdleGpus(4));

        var weighted = MatchingPolicy.GpuPoolWeighted(predictor, Rule).Plan(batch);

        Assert.Equal("d", Partners(weighted)["a"]);
        Assert.Equal("c", Partners(weighted)["b"]);
        Assert.Equal(0.9, weighted.Assignments.Single(a => a.Job.Id == "a").PredictedNp);
    }

    // Long jobs a, b (100 s alone) and short c, d (10 s). Pairing long with short has the higher STP
    // (1.8) but ends unevenly: a-c is busy 111 s for 110 s of work (saves -1.1). Long with long and
    // short with short at STP 1.4 saves 57.1 + 5.7 GPU-seconds.
    public static TheoryData<double, string> UnevenPairs => new()
    {
        { 0.9, "b" },  // uneven pairs have the higher STP; the even ones still save more
        { 0.5, "b" },
    };

    [Theory]
    [MemberData(nameof(UnevenPairs))]
    public void Weighted_prefers_the_pairs_that_save_the_most_gpu_time_over_the_higher_stp(double unevenNp, string partnerOfA)
    {
        var predictor = new TablePredictor { DefaultNp = 0.3 }
            .With("a", "b", 0.7, 0.7).With("c", "d", 0.7, 0.7)
            .With("a", "c", unevenNp, unevenNp).With("b", "d", unevenNp, unevenNp);
        var batch = new SchedulingBatch(
            [Build.Job("a", iterations: 100), Build.Job("b", iterations: 100), Build.Job("c", iterations: 10), Build.Job("d", iterations: 10)], Build.IdleGpus(4));

        var weighted = MatchingPolicy.GpuPoolWeighted(predictor, Rule).Plan(batch);

        Assert.Equal(2, weighted.PairsFormed);
        Assert.Equal(partnerOfA, Partners(weighted)["a"]);
        Assert.Equal("d", Partners(weighted)["c"]);
    }

    [Fact]
    public void TrueNpMatching_maximises_weight_even_with_fewer_pairs()
    {
        // Path a-b-c-d of lenient jobs with a very strong middle: one pair of STP 1.98 beats two of 0.4.
        var truth = new TablePredictor { DefaultNp = 0.05 }
            .With("a", "b", 0.2, 0.2).With("b", "c", 0.99, 0.99).With("c", "d", 0.2, 0.2);
        var batch = new SchedulingBatch(
            [Build.Job("a", qos: 0.1), Build.Job("b", qos: 0.1), Build.Job("c", qos: 0.1), Build.Job("d", qos: 0.1)], Build.IdleGpus(4));

        var plan = MatchingPolicy.TrueNpMatching(truth, PairingRule.DefaultSettings).Plan(batch);

        Assert.Equal(1, plan.PairsFormed);
        Assert.Equal("c", Partners(plan)["b"]);
    }

    [Fact]
    public void A_pair_must_fit_one_gpu_in_memory()
    {
        var predictor = new TablePredictor { DefaultNp = 0.9 };
        var jobs = new[] { Build.Job("a", memoryMiB: 20 * 1024), Build.Job("b", memoryMiB: 20 * 1024) };

        var plan = MatchingPolicy.GpuPool(predictor, Rule).Plan(new SchedulingBatch(jobs, Build.IdleGpus(2)));

        Assert.Equal(0, plan.PairsFormed);
        Assert.Equal(0, predictor.Calls);
    }

    [Fact]
    public void A_running_job_with_a_free_slot_gets_a_partner_on_its_own_gpu()
    {
        var running = Build.Job("running");
        var predictor = new TablePredictor { DefaultNp = 0.3 }.With("new", "running", 0.7, 0.8, shareA: 0.25);

        var plan = MatchingPolicy.GpuPool(predictor, Rule).Plan(new SchedulingBatch(
            [Build.Job("new")], [Build.IdleGpu("idle"), Build.Busy("busy", running, share: SharingSetting.Split(0.75))]));

        var assignment = Assert.Single(plan.Assignments);
        Assert.Equal("busy", assignment.Gpu.Node);
        Assert.Equal(running, assignment.Partner);
        Assert.Equal(0.25, assignment.Setting.ShareA);
        Assert.Equal(0.7, assignment.PredictedNp);
        Assert.Equal(1, plan.PairsFormed);
    }

    [Fact]
    public void A_running_job_that_holds_the_whole_gpu_gets_no_partner()
    {
        var running = Build.Job("running");
        var predictor = new TablePredictor { DefaultNp = 0.9 };

        var plan = MatchingPolicy.GpuPool(predictor, Rule).Plan(new SchedulingBatch(
            [Build.Job("new")], [Build.Busy("busy", running, share: SharingSetting.Exclusive)]));

        Assert.Empty(plan.Assignments);
        Assert.Equal(0, predictor.Calls);
    }

    // The running job (10 s alone) has done 5 s of work in 6 s; beside the newcomer its remaining
    // 5 s run at NP 0.5 (10 s), so its whole-life NP is 10 / (6 + 10) = 0.625. A fresh-start
    // prediction (0.9 here) or the remaining-work NP alone (0.5) would judge it wrongly.
    public static TheoryData<double, bool> RunningJobQos => new()
    {
        { 0.5, true },   // 0.625 > 0.55
        { 0.56, true },  // 0.625 > 0.616
        { 0.58, false }, // 0.625 < 0.638
        { 0.8, false },
    };

    [Theory]
    [MemberData(nameof(RunningJobQos))]
    public void Rematch_judges_the_running_job_on_its_whole_life_over_its_remaining_work(double runningQos, bool paired)
    {
        var running = Build.Job("running", qos: runningQos);
        var predictor = new TablePredictor { DefaultNp = 0.9 }.With("new", "running@rest5", 0.7, 0.5, shareA: 0.25);
        var busy = Build.Busy("busy", running) with { Resident = new Resident(SharingSetting.Split(0.75), CompletedIsolatedSeconds: 5, ElapsedSeconds: 6) };

        var plan = MatchingPolicy.GpuPool(predictor, Rule).Plan(new SchedulingBatch([Build.Job("new")], [busy]));

        Assert.Equal(paired, plan.Assignments.Count == 1);
        Assert.All(plan.Assignments, a => Assert.Equal((SharingSetting.Split(0.25), 0.7), (a.Setting, a.PredictedNp!.Value)));
    }

    [Fact]
    public void When_gpus_are_short_pairs_go_first_then_singles_and_the_rest_wait()
    {
        var predictor = new TablePredictor { DefaultNp = 0.3 }.With("c", "d", 0.8, 0.8);

        var plan = MatchingPolicy.GpuPool(predictor, Rule).Plan(new SchedulingBatch(
            [Build.Job("a"), Build.Job("b"), Build.Job("c"), Build.Job("d")], Build.IdleGpus(2)));

        Assert.Equal(["c", "d", "a"], plan.Assignments.Select(a => a.Job.Id));
        Assert.Equal(["b"], plan.Waiting.Select(j => j.Id));
    }

    [Fact]
    public void The_two_jobs_of_a_pair_see_mirrored_settings()
    {
        var predictor = new TablePredictor { DefaultNp = 0.3 }.With("a", "b", 0.9, 0.6, shareA: 0.75);

        var plan = MatchingPolicy.GpuPool(predictor, Rule).Plan(new SchedulingBatch([Build.Job("a"), Build.Job("b")], Build.IdleGpus(1)));

        var a = plan.Assignments.Single(x => x.Job.Id == "a");
        var b = plan.Assignments.Single(x => x.Job.Id == "b");
        Assert.Equal(0.75, a.Setting.ShareA);
        Assert.Equal(0.25, b.Setting.ShareA);
        Assert.Equal((0.9, 0.6), (a.PredictedNp!.Value, b.PredictedNp!.Value));
    }
}
