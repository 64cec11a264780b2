using GpuPool.Simulation.Gpus;

namespace GpuPool.Simulation.Tests.Gpus;

public sealed class CalibrationReportTests
{
    [Fact]
    public void Held_out_error_matches_the_documented_fit()
    {
        var splits = new CalibrationReport(Datasets.ArtifactDatasetReaderTests.LoadArtifact()).Run();

        // The numbers in docs/simulated-gpu.md; a model change that moves them must update the docs.
        Assert.Equal(["in-sample (fit on all)", "5-fold grouped by kernel pair", "leave-one-kernel-out", "leave-one-kernel-out, counters only"], splits.Select(s => s.Name));
        Assert.Equal(0.0315, splits[0].MeanAbsoluteError, 4);
        Assert.Equal(0.0472, splits[1].MeanAbsoluteError, 4);
        Assert.Equal(0.0951, splits[2].MeanAbsoluteError, 4);
        Assert.Equal(0.1421, splits[3].MeanAbsoluteError, 4);
        Assert.Equal([1156, 1156, 2312, 2312], splits.Select(s => s.HeldOutNps));
    }
}
