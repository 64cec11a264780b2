using GpuPool.Core.Gpus;
using GpuPool.Core.Jobs;
using GpuPool.Core.Sharing;
using GpuPool.Prediction.JobWise;
using GpuPool.Prediction.Models;
using GpuPool.Prediction.Pairing;

namespace GpuPool.Prediction.Tests.Pairing;

/// <summary>The kernel-rate tables past their kernel bound start afresh between windows and predict exactly as before.</summary>
public sealed class KernelBoundTests
{
    private readonly KernelNpModel _model;
    private readonly IReadOnlyList<Job> _jobs;

    public KernelBoundTests()
    {
        var data = Profiles.Synthetic(6);
        _model = SmallModels.FastTree(data);
        _jobs = [.. Enumerable.Range(0, 6).Select(i => new Job($"j{i}", [data.Profiles[i], data.Profiles[(i + 1) % 6]], 10, 0.5, 0))];
    }

    [Theory]
    [InlineData(1, true)]
    [InlineData(5, true)]
    [InlineData(6, false)]
    public void Past_the_bound_the_tables_are_dropped_and_answers_do_not_change(int maxKernels, bool over)
    {
        var predictor = new ModelPairPredictor(_model, GpuModel.V100, new SteadyStateOptions(), maxKernels);
        var before = Answers(predictor);
        Assert.Equal(6, predictor.CachedKernels);

        var trimmed = predictor.Trim();
        var emptied = predictor.CachedKernelPairs;
        var after = Answers(predictor);

        Assert.Equal(over, trimmed);
        Assert.Equal(over, emptied == 0);
        Assert.Equal(before, after);
        Assert.Equal(Answers(new ModelPairPredictor(_model, GpuModel.V100, new SteadyStateOptions())), after);
        Assert.Equal(6, predictor.CachedKernels);
    }

    public static TheoryData<int, int, int> Growth => new()
    {
        // 20 kernels against a bound of 16: grown an eighth at a time past it, not doubled to 32 x 32.
        { 16, 20 * 20, 22 * 22 },
        // Unbounded (one-off runs): doubling, as always.
        { int.MaxValue, 32 * 32, 32 * 32 },
    };

    [Theory]
    [MemberData(nameof(Growth))]
    public void Past_the_bound_a_table_grows_only_as_far_as_its_kernels_need(int maxKernels, int minCells, int maxCells)
    {
        var data = Profiles.Synthetic(20);
        var model = SmallModels.FastTree(data);
        List<Job> jobs = [.. Enumerable.Range(0, 10).Select(i => new Job($"j{i}", [data.Profiles[2 * i], data.Profiles[(2 * i) + 1]], 10, 0.5, 0))];
        var predictor = new ModelPairPredictor(model, GpuModel.V100, new SteadyStateOptions(), maxKernels);

        var answers = Answers(predictor, jobs);

        Assert.Equal(20, predictor.CachedKernels);
        Assert.InRange(predictor.CachedKernelCells, minCells, maxCells);
        Assert.Equal(Answers(new ModelPairPredictor(model, GpuModel.V100, new SteadyStateOptions()), jobs), answers);
    }

    private List<(double, double)> Answers(ModelPairPredictor predictor) => Answers(predictor, _jobs);

    private static List<(double, double)> Answers(ModelPairPredictor predictor, IReadOnlyList<Job> jobs) =>
    [
        .. from a in jobs
           from b in jobs
           where a.Id != b.Id
           select predictor.Predict(a, b, SharingSetting.Split(0.25)) into np
           select (np.NpA, np.NpB),
    ];
}
