using GpuPool.Core.Gpus;
using GpuPool.Core.Jobs;
using GpuPool.Core.Pairing;
using GpuPool.Core.Placement;
using GpuPool.Core.Policies;
using GpuPool.Core.Prediction;
using GpuPool.Prediction.JobWise;
using GpuPool.Prediction.Models;
using GpuPool.Prediction.Pairing;

namespace GpuPool.Prediction.Tests.Pairing;

/// <summary>
/// The real predictor's speed-ups (ceilings, branch and bound over settings, per-job memos, tables
/// read in place, the profile cache, parallel rows) must give the plain path's graph on seeded windows.
/// </summary>
public sealed class WindowEquivalenceTests : IDisposable
{
    private static readonly PairingRule Rule = new(0.1, PairingRule.DefaultSettings);
    private readonly KernelNpModel _model;
    private readonly IReadOnlyList<Core.Kernels.KernelProfile> _kernels;

    public WindowEquivalenceTests()
    {
        var data = Profiles.Synthetic(12, seed: 4);
        _kernels = data.Profiles;
        _model = SmallModels.FastTree(data);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void Fast_path_gives_the_plain_paths_edges_on_a_seeded_window(int seed)
    {
        var batch = Window(seed);
        var options = new SteadyStateOptions();
        var plain = MatchingPolicy.GpuPool(new PlainPredictor(new ModelPairPredictor(_model, GpuModel.V100, options)), Rule, new PairingOptions { MaxDegreeOfParallelism = 1 });
        var fast = MatchingPolicy.GpuPool(new CachingPairPredictor(new ModelPairPredictor(_model, GpuModel.V100, options)), Rule, new PairingOptions { MaxDegreeOfParallelism = 4 });

        var expected = Edges(plain.BuildGraph(batch));
        var actual = Edges(fast.BuildGraph(batch));

        // A window where the rule both keeps and drops pairs, so a wrong skip would show.
        Assert.InRange(expected.Count, 1, (batch.Pending.Count * (batch.Pending.Count - 1) / 2) - 1);
        Assert.Equal(expected, actual);
    }

    public void Dispose() => _model.Dispose();

    /// <summary>60 jobs of 2-8 kernels in random order, some repeating an earlier job's profile (the cache's case).</summary>
    private SchedulingBatch Window(int seed)
    {
        var random = new Random(seed);
        var jobs = new List<Job>();
        for (var i = 0; i < 60; i++)
        {
            var qos = 0.3 + (0.1 * random.Next(0, 5));
            if (i >= 10 && random.Next(4) == 0)
            {
                var earlier = jobs[random.Next(jobs.Count)];
                jobs.Add(new Job($"j{i}", earlier.Kernels, earlier.Iterations, qos, 0));
                continue;
            }

            var kernels = _kernels.OrderBy(_ => random.Next()).Take(random.Next(2, 9)).ToList();
            jobs.Add(new Job($"j{i}", kernels, random.Next(20, 200), qos, 0));
        }

        var gpus = Enumerable.Range(0, 30).Select(g => GpuState.Idle(new Gpu(new GpuId("node", g), GpuModel.V100))).ToList();
        return new SchedulingBatch(jobs, gpus);
    }

    private static List<(int, int, double, double, double)> Edges(PairingGraph graph) =>
        [.. graph.Graph.Edges.Select(e => (e.Source, e.Target, e.Tag.Setting.ShareA, e.Tag.NpA, e.Tag.NpB))];
}
