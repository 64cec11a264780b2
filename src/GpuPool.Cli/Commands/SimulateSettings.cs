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
    string? PlotPath,
    string? ModelPath = null)
{
    public void Validate()
    {
        Require(Delta >= 0 && Delta < 1, $"--delta must be in [0, 1) (got {Delta}).");
        Require(Noise >= 0 && Noise < 1, $"--noise must be in [0, 1) (got {Noise}).");
        Require(Format is "table" or "json", $"--format must be 'table' or 'json' (got '{Format}').");
        var extension = PlotPath is null ? null : Path.GetExtension(PlotPath).ToLowerInvariant();
        Require(PlotPath is null || extension is ".png" or ".svg", $"--plot must name a .png or .svg file (got '{PlotPath}').");
        Require(ModelPath is null || File.Exists(ModelPath), $"--model: file '{ModelPath}' does not exist.");
    }

    private static void Require(bool condition, string message)
    {
        if (!condition)
        {
            throw new UsageException(message);
        }
    }
}
