using GpuPool.Core.Prediction;
using GpuPool.Core.Sharing;
using GpuPool.Core.Tests.Builders;

namespace GpuPool.Core.Tests.Domain;

public class PairingRuleTests
{
    private static readonly SharingSetting[] Settings = [SharingSetting.Split(0.25), SharingSetting.Even, SharingSetting.Split(0.75)];

    public static TheoryData<double, double, double, double, double?> Cases => new()
    {
        // qosA, qosB, delta, NP of both jobs under every setting -> expected best shareA (null = no edge)
        { 0.5, 0.5, 0.1, 0.6, 0.25 },     // all admissible, equal STP: the first listed wins
        { 0.5, 0.5, 0.1, 0.55, null },    // 0.55 is exactly 0.5 x 1.1: not strictly above
        { 0.5, 0.5, 0.0, 0.55, 0.25 },    // without the margin it is
        { 0.9, 0.5, 0.1, 0.95, null },    // 0.95 < 0.9 x 1.1
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Best_applies_the_margin_to_both_jobs(double qosA, double qosB, double delta, double np, double? expectedShare)
    {
        var rule = new PairingRule(delta, Settings);
        var predictor = new TablePredictor { DefaultNp = np };

        var best = rule.Best(Build.Job("a", qosA), Build.Job("b", qosB), predictor);

        Assert.Equal(expectedShare, best?.Setting.ShareA);
    }

    [Fact]
    public void Best_prefers_the_setting_with_the_highest_pair_stp_among_admissible_ones()
    {
        var rule = new PairingRule(0.1, Settings);
        var predictor = new TablePredictor()
            .With("a", "b", 0.9, 0.50, shareA: 0.75)   // STP 1.4 but b misses 0.5 x 1.1
            .With("a", "b", 0.7, 0.60, shareA: 0.5)    // STP 1.3, admissible
            .With("a", "b", 0.6, 0.62, shareA: 0.25);  // STP 1.22, admissible

        var best = rule.Best(Build.Job("a"), Build.Job("b"), predictor);

        Assert.NotNull(best);
        Assert.Equal(0.5, best.Setting.ShareA);
        Assert.Equal(1.3, best.Stp, 12);
    }

    [Theory]
    [InlineData(-0.1)]
    [InlineData(1.0)]
    [InlineData(double.NaN)]
    public void Delta_must_be_in_zero_to_one(double delta)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new PairingRule(delta, Settings));
    }

    [Fact]
    public void Settings_must_be_shared_ones()
    {
        Assert.Throws<ArgumentException>(() => new PairingRule(0.1, [SharingSetting.Exclusive]));
        Assert.Throws<ArgumentException>(() => new PairingRule(0.1, []));
    }
}
