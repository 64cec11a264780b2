using GpuPool.Core.Gpus;
using GpuPool.Core.Jobs;
using GpuPool.Core.Kernels;
using GpuPool.Core.Prediction;
using GpuPool.Core.Sharing;
using GpuPool.Prediction.Features;
using GpuPool.Prediction.JobWise;
using GpuPool.Prediction.Models;
using GpuPool.Prediction.Pairing;

namespace GpuPool.Prediction.Tests.Pairing;

public sealed class ModelPairPredictorTests : IDisposable
{
    private readonly KernelNpModel _model;
    private readonly Job _jobA;
    private readonly Job _jobB;

    public ModelPairPredictorTests()
    {
        var data = Profiles.Synthetic(6);
        _model = SmallModels.FastTree(data);
        // Equal totals: 3 kernels x 1 s x 20 iterations = 2 kernels x 1 s x 30 iterations.
        _jobA = new Job("a", [.. data.Profiles.Take(3)], 20, 0.5, 0);
        _jobB = new Job("b", [.. data.Profiles.Skip(3).Take(2)], 30, 0.5, 0);
    }

    public static TheoryData<SharingSetting[]> SettingLists => new()
    {
        { [SharingSetting.Split(0.25), SharingSetting.Even, SharingSetting.Split(0.75)] },
        { [SharingSetting.Split(0.75), SharingSetting.Exclusive, SharingSetting.Partition(0.5), SharingSetting.Even] },
        { [] },
    };

    [Theory]
    [MemberData(nameof(SettingLists))]
    public void Returns_one_outcome_per_setting_in_the_given_order(SharingSetting[] settings)
    {
        var predictor = new ModelPairPredictor(_model, GpuModel.V100, new SteadyStateOptions());

        var outcomes = predictor.Predict(_jobA, _jobB, settings);

        Assert.Equal(settings, outcomes.Select(o => o.Setting));
    }

    [Theory]
    [InlineData(0.25)]
    [InlineData(0.5)]
    [InlineData(0.75)]
    public void A_survivor_keeps_its_share_and_runs_at_its_kernels_alone_rates_at_that_quota(double share)
    {
        var predictor = new ModelPairPredictor(_model, GpuModel.V100, new SteadyStateOptions(), aloneRates: new AloneRateCurve(GpuModel.V100, 2.0));
        var setting = SharingSetting.Split(share);
        var curve = new AloneRateCurve(GpuModel.V100, 2.0);
        double Expected(Job job, SharingSetting seen) =>
            job.Kernels.Sum(k => k.IsolatedSeconds / Math.Min(1.0, curve.Rate(k, seen.AloneQuota(k.Geometry, GpuModel.V100)))) / job.Kernels.Sum(k => k.IsolatedSeconds);

        var alone = predictor.AloneSlowness(_jobA, _jobB, setting);

        Assert.Equal(Expected(_jobA, setting), alone.A, precision: 12);
        Assert.Equal(Expected(_jobB, setting.Swapped), alone.B, precision: 12);
        Assert.Equal(AloneSlowness.WholeGpu, predictor.AloneSlowness(_jobA, _jobB, SharingSetting.Exclusive));
    }

    [Fact]
    public void Fine_grained_outcomes_are_the_steady_state_timeline_over_the_predicted_matrix()
    {
        var predictor = new ModelPairPredictor(_model, GpuModel.V100, new SteadyStateOptions());
        var setting = SharingSetting.Split(0.25);

        var outcome = predictor.Predict(_jobA, _jobB, [setting]).Single();
        var matrix = predictor.Matrix(_jobA, _jobB, setting);
        var expected = SteadyStateTimeline.Run(KernelSequence.Of(_jobA), KernelSequence.Of(_jobB), matrix, new SteadyStateOptions(), predictor.AloneSlowness(_jobA, _jobB, setting));

        Assert.Equal(expected.NpA, outcome.NpA);
        Assert.Equal(expected.NpB, outcome.NpB);
        var (quotaA, quotaB) = setting.ThreadBlockQuotas(_jobA.Kernels[0].Geometry, _jobB.Kernels[1].Geometry, GpuModel.V100);
        var direct = _model.Predict(new KernelAtQuota(_jobA.Kernels[0], quotaA, GpuModel.V100), new KernelAtQuota(_jobB.Kernels[1], quotaB, GpuModel.V100));
        Assert.Equal(Math.Clamp(direct, 0.01, 1.2), matrix.RateA(0, 1), precision: 6);
    }

    [Fact]
    public void Exclusive_and_partitioned_settings_need_no_model()
    {
        var predictor = new ModelPairPredictor(_model, GpuModel.V100, new SteadyStateOptions());

        var outcomes = predictor.Predict(_jobA, _jobB, [SharingSetting.Exclusive, SharingSetting.Partition(0.5)]);

        Assert.Equal((1.0, 0.0), (outcomes[0].NpA, outcomes[0].NpB));
        Assert.Equal(0.5, outcomes[1].NpA, precision: 9);
        Assert.Equal(0.5, outcomes[1].NpB, precision: 9);
        Assert.Equal(0, predictor.CachedKernelPairs);
    }

    [Fact]
    public void Kernel_pairs_are_predicted_once_and_concurrent_callers_agree()
    {
        var predictor = new ModelPairPredictor(_model, GpuModel.V100, new SteadyStateOptions());
        var settings = PairingRule.DefaultSettings;

        var results = new IReadOnlyList<PairOutcome>[16];
        Parallel.For(0, results.Length, i => results[i] = predictor.Predict(_jobA, _jobB, settings));

        Assert.Equal(3 * 2 * settings.Count, predictor.CachedKernelPairs);
        Assert.All(results, r => Assert.Equal(results[0], r));
    }

    [Fact]
    public void Pairing_rule_picks_the_best_admissible_setting_from_the_predictor()
    {
        var predictor = new ModelPairPredictor(_model, GpuModel.V100, new SteadyStateOptions());
        var rule = new PairingRule(0.1, PairingRule.DefaultSettings);
        var outcomes = predictor.Predict(_jobA, _jobB, rule.Settings);

        var best = rule.Best(_jobA, _jobB, predictor);

        var admissible = outcomes.Where(o => rule.Clears(o.NpA, _jobA.QosTarget) && rule.Clears(o.NpB, _jobB.QosTarget)).ToList();
        Assert.Equal(admissible.MaxBy(o => o.Stp), best);
    }

    [Fact]
    public void Rate_tables_that_grow_past_their_first_size_keep_every_rate()
    {
        // 40 distinct kernels: the dense tables start at 16 and must grow twice.
        var kernels = Profiles.Synthetic(40, seed: 5).Profiles;
        var jobs = Enumerable.Range(0, 8).Select(j => new Job($"j{j}", [.. kernels.Skip(5 * j).Take(5)], 20, 0.5, 0)).ToList();
        var predictor = new ModelPairPredictor(_model, GpuModel.V100, new SteadyStateOptions());
        var setting = SharingSetting.Even;

        foreach (var (a, b) in jobs.SelectMany(a => jobs.Where(b => b != a).Select(b => (a, b))))
        {
            var matrix = predictor.Matrix(a, b, setting);
            for (var i = 0; i < a.Kernels.Count; i++)
            {
                for (var j = 0; j < b.Kernels.Count; j++)
                {
                    var (quotaA, quotaB) = setting.ThreadBlockQuotas(a.Kernels[i].Geometry, b.Kernels[j].Geometry, GpuModel.V100);
                    var (rateA, rateB) = predictor.KernelPairRates(a.Kernels[i], b.Kernels[j], quotaA, quotaB);
                    Assert.Equal(rateA, matrix.RateA(i, j));
                    Assert.Equal(rateB, matrix.RateB(i, j));
                }
            }
        }

        Assert.Equal(40 * 35, predictor.CachedKernelPairs);
    }

    [Theory]
    [MemberData(nameof(SettingLists))]
    public void Ceilings_are_never_below_the_predictions(SharingSetting[] settings)
    {
        var predictor = new ModelPairPredictor(_model, GpuModel.V100, new SteadyStateOptions());
        var jobs = new[] { _jobA, _jobB, new Job("c", [.. _jobA.Kernels.Take(1)], 400, 0.5, 0) };

        foreach (var (a, b) in jobs.SelectMany(a => jobs.Where(b => b != a).Select(b => (a, b))))
        {
            var outcomes = predictor.Predict(a, b, settings);
            var ceilings = new NpCeiling[settings.Length];
            predictor.UpperBounds(a, b, settings, ceilings);

            Assert.All(outcomes.Zip(ceilings), p => Assert.True(p.First.NpA <= p.Second.NpA && p.First.NpB <= p.Second.NpB, $"{a.Id}/{b.Id} {p.First} above {p.Second}"));
        }
    }

    /// <summary>
    /// Jobs share kernels in different orders and ask for ceilings one after another, so the
    /// per-job memo of fastest rates is reused; later jobs bring new kernels, so the rate tables
    /// grow and memos made before must not answer for new kernel numbers. With 140 kernels the
    /// tables outgrow the memo limit and every pair scans its cells.
    /// </summary>
    [Theory]
    [InlineData(24, 3)]
    [InlineData(140, 14)]
    public void Ceilings_remembered_per_job_equal_ceilings_from_the_whole_matrix(int kernelCount, int kernelsPerJob)
    {
        var kernels = Profiles.Synthetic(kernelCount, seed: 3).Profiles;
        var jobs = Enumerable.Range(0, 10)
            .Select(j => new Job($"j{j}", [.. kernels.Skip(kernelsPerJob * j).Take(kernelsPerJob).Reverse().Concat(kernels.Take((j % 3) + 1))], 10 + j, 0.5, 0))
            .ToList();
        var settings = new[] { SharingSetting.Split(0.25), SharingSetting.Even, SharingSetting.Split(0.75) };
        var options = new SteadyStateOptions();
        var predictor = new ModelPairPredictor(_model, GpuModel.V100, options);
        var reference = new ModelPairPredictor(_model, GpuModel.V100, options);

        foreach (var (a, b) in jobs.SelectMany(a => jobs.Where(b => b != a).Select(b => (a, b))))
        {
            var ceilings = new NpCeiling[settings.Length];
            predictor.UpperBounds(a, b, settings, ceilings);
            for (var s = 0; s < settings.Length; s++)
            {
                var (npA, npB) = SteadyStateBounds.Run(KernelSequence.Of(a), KernelSequence.Of(b), reference.Matrix(a, b, settings[s]), options);
                Assert.Equal(new NpCeiling(npA, npB), ceilings[s]);
            }
        }
    }

    public void Dispose() => _model.Dispose();
}
