using GpuPool.Cli.Commands;
using GpuPool.Core.Pairing;

namespace GpuPool.Cli.Tests.Commands;

/// <summary>`bench window --count` explains where a window's prediction time goes: its counts must add up.</summary>
public class CountingPredictorTests
{
    [Theory]
    [InlineData(60, null)]
    [InlineData(80, 8)]
    public void Counts_are_consistent_and_counting_changes_no_answer(int jobs, int? candidates)
    {
        var pairing = new PairingOptions { CandidatesPerSide = candidates };
        using var plain = WindowScenario.Create(jobs, jobs / 2, seed: 3, modelPath: null);
        using var counted = WindowScenario.Create(jobs, jobs / 2, seed: 3, modelPath: null);
        var counting = new CountingPredictor(counted.Predictor, WindowRunner.Rule);

        var expected = WindowRunner.Run(plain, pairing).Measurement;
        var actual = WindowRunner.Run(counted, pairing, counting).Measurement;

        Assert.Equal((expected.Edges, expected.Pairs, expected.PredictedStp), (actual.Edges, actual.Pairs, actual.PredictedStp));
        Assert.InRange(counting.Screened, 1, (long)jobs * (jobs - 1) / 2);
        Assert.InRange(counting.Open, actual.Edges, counting.Screened);

        // The embedded model's ceilings rule some pairs out before any timeline: the wrapper passes them on.
        Assert.True(counting.Open < counting.Screened, $"{counting.Open} of {counting.Screened} pairs open");
        Assert.InRange(counting.Predicted, counting.Open, 3 * counting.Open);
    }
}
