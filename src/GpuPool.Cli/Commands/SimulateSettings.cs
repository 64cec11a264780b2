namespace GpuPool.Cli.Commands;

/// <summary>The validated options of `gpupool simulate`.</summary>
public sealed record SimulateSettings(
    string? Dataset,
    string? Trace,
    int Seed,
    int Gpus,
    double WindowSeconds,
    double Delta,
    IReadOnlyList<string> Policies,
    int Jobs,
    double Load,
    double Noise,
    string Format,
    string? PlotPath)
{
    public void Validate()
    {
        Require(Gpus >= 1, $"--gpus must be at least 1 (got {Gpus}).");
        Require(WindowSeconds > 0 && double.IsFinite(WindowSeconds), $"--window must be a positive number of seconds (got {WindowSeconds}).");
        Require(Delta >= 0 && Delta < 1, $"--delta must be in [0, 1) (got {Delta}).");
        Require(Jobs >= 1, $"--jobs must be at least 1 (got {Jobs}).");
        Require(Load > 0 && double.IsFinite(Load), $"--load must be positive (got {Load}).");
        Require(Noise >= 0 && Noise < 1, $"--noise must be in [0, 1) (got {Noise}).");
        Require(Format is "table" or "json", $"--format must be 'table' or 'json' (got '{Format}').");
        var extension = PlotPath is null ? null : Path.GetExtension(PlotPath).ToLowerInvariant();
        Require(PlotPath is null || extension is ".png" or ".svg", $"--plot must name a .png or .svg file (got '{PlotPath}').");
    }

    private static void Require(bool condition, string message)
    {
        if (!condition)
        {
            throw new UsageException(message);
        }
    }
}
