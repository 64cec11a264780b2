using GpuPool.Core.Jobs;
using GpuPool.Core.Prediction;
using GpuPool.Core.Sharing;
using GpuPool.Core.Tests.Builders;

namespace GpuPool.Core.Tests.Pairing;

/// <summary>
/// The pairing rule asks a bounded predictor only for settings whose ceilings clear both floors,
/// one at a time, and stops once no ceiling left can beat the best admissible outcome.
/// </summary>
public class CeilingScreeningTests
{
    private static readonly SharingSetting Quarter = SharingSetting.Split(0.25);
    private static readonly SharingSetting ThreeQuarters = SharingSetting.Split(0.75);
    private static readonly PairingRule Rule = new(0.1, [Quarter, SharingSetting.Even, ThreeQuarters]);

    /// <summary>
    /// QoS 0.5 for both jobs, so a floor is 0.55. NPs per setting (1/4, 1/2, 3/4) as (A, B); the
    /// settings predicted, call by call, and the winner.
    /// </summary>
    public static TheoryData<(double, double)[], double, double[]?, double?> Cases() => new()
    {
        // Ceilings equal to the NPs: only settings that really clear are asked; of two that clear,
        // the best (highest ceiling) is asked first and the other's ceiling is below it, so it is
        // never predicted; none clears, and then nothing is predicted.
        { [(0.9, 0.5), (0.7, 0.6), (0.5, 0.9)], 0.0, [0.5], 0.5 },
        { [(0.6, 0.6), (0.9, 0.3), (0.6, 0.8)], 0.0, [0.75], 0.75 },
        { [(0.5, 0.9), (0.54, 0.9), (0.9, 0.55)], 0.0, null, null },

        // Loose ceilings keep more settings open and each is asked, highest ceiling first (ties in
        // settings order), until the best admissible outcome beats every ceiling left.
        { [(0.9, 0.5), (0.7, 0.6), (0.5, 0.9)], 0.1, [0.25, 0.75, 0.5], 0.5 },
        { [(0.6, 0.6), (0.9, 0.3), (0.6, 0.8)], 0.05, [0.75], 0.75 },
        { [(0.7, 0.7), (0.9, 0.3), (0.6, 0.85)], 0.1, [0.75, 0.25], 0.75 },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Only_settings_that_can_clear_and_win_are_predicted_and_the_answer_does_not_change(
        (double, double)[] nps, double slack, double[]? asked, double? bestShare)
    {
        var table = Table(nps);
        var (a, b) = (Build.Job("a", qos: 0.5), Build.Job("b", qos: 0.5));
        var screened = new CeilingPredictor(table, slack);

        var best = Rule.Best(a, b, screened);

        Assert.Equal(Rule.Best(a, b, table)?.Setting.ShareA, best?.Setting.ShareA);
        Assert.Equal(bestShare, best?.Setting.ShareA);
        Assert.Equal(asked ?? [], screened.Asked.SelectMany(s => s.Select(x => x.ShareA)).ToArray());
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void Screened_answers_equal_the_plain_scan_on_random_pairs_ties_included(int seed)
    {
        // NPs on a coarse grid make equal STPs common, and slack per setting can put a later setting's
        // ceiling first: the winner must still be the first best in settings order.
        var random = new Random(seed);
        for (var trial = 0; trial < 500; trial++)
        {
            var nps = Enumerable.Range(0, 3).Select(_ => (random.Next(8, 20) / 20.0, random.Next(8, 20) / 20.0)).ToArray();
            var table = Table(nps);
            var (a, b) = (Build.Job("a", qos: 0.5), Build.Job("b", qos: 0.5));

            var plain = Rule.Best(a, b, table);
            var slack = Enumerable.Range(0, 3).Select(_ => random.Next(0, 4) / 20.0).ToArray();
            var screened = Rule.Best(a, b, new CeilingPredictor(table, slack));

            Assert.Equal(plain, screened);
        }
    }

    private static TablePredictor Table((double, double)[] nps)
    {
        var table = new TablePredictor();
        for (var s = 0; s < Rule.Settings.Count; s++)
        {
            table.With("a", "b", nps[s].Item1, nps[s].Item2, Rule.Settings[s].ShareA);
        }

        return table;
    }

    [Fact]
    public void The_profile_cache_asks_only_for_new_settings_and_answers_ceilings_from_known_outcomes()
    {
        var inner = new CeilingPredictor(new ProfilePredictor(), slack: 0.2);
        var cache = new CachingPairPredictor(inner);
        var (a, b) = (Build.Job("a"), Build.Job("b"));

        // A second job with a's profile makes the pair's answers worth keeping.
        cache.UpperBounds(new Job("a2", a.Kernels, a.Iterations, 0.7, 1), b, [Quarter], new NpCeiling[1]);
        var ceilingCallsBefore = inner.CeilingCalls;

        var first = cache.Predict(a, b, [Quarter]);
        var both = cache.Predict(a, b, [Quarter, ThreeQuarters]);
        var ceilings = new NpCeiling[2];
        cache.UpperBounds(a, b, [ThreeQuarters, Quarter], ceilings);

        Assert.Equal([[0.25], [0.75]], inner.Asked.Select(s => s.Select(x => x.ShareA).ToArray()));
        Assert.Equal(first[0], both[0]);
        Assert.Equal([new NpCeiling(both[1].NpA, both[1].NpB), new NpCeiling(both[0].NpA, both[0].NpB)], ceilings);
        Assert.Equal(ceilingCallsBefore, inner.CeilingCalls);
    }

    [Fact]
    public void Without_ceilings_from_the_inner_predictor_nothing_is_screened()
    {
        var cache = new CachingPairPredictor(new ProfilePredictor());
        var job = Build.Job("a");

        var ceilings = new NpCeiling[Rule.Settings.Count];
        cache.UpperBounds(job, Build.Job("b"), Rule.Settings, ceilings);

        Assert.All(ceilings, c => Assert.Equal(NpCeiling.None, c));
    }
}
