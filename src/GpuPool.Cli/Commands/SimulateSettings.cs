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
    string? ModelPath = null,
    int Seeds = 1,
    bool AllAtOnce = false,
    IReadOnlyList<string>? Manifests = null)
{
    /// <summary>GpuJob/GpuProfile manifest files: the workload instead of a generated one (<see cref="ManifestWorkload"/>).</summary>
    public IReadOnlyList<string> ManifestFiles => Manifests ?? [];

    /// <summary>How many seeds one command may sweep.</summary>
    public const int MaxSeeds = 1000;

    /// <summary>The paper's experiment: 5 batches (seeds 0-4) of 100 jobs, each batch arriving at once.</summary>
    public SimulateSettings AsPaperExperiment() => this with { Seed = 0, Seeds = 5, Jobs = 100, AllAtOnce = true };

    /// <summary>The seeds swept: Seed, Seed + 1, ..., Seed + Seeds - 1.</summary>
    public IReadOnlyList<int> SeedList => [.. Enumerable.Range(0, Seeds).Select(i => Seed + i)];

    public void Validate()
    {
        Require(Delta >= 0 && Delta < 1, $"--delta must be in [0, 1) (got {Delta}).");
        Require(Seeds >= 1 && Seeds <= MaxSeeds, $"--seeds must be in 1..{MaxSeeds} (got {Seeds}).");
        Require(Seed <= int.MaxValue - Seeds + 1, $"--seed + --seeds must stay below {int.MaxValue} (got {Seed} and {Seeds}).");
        Require(Noise >= 0 && Noise < 1, $"--noise must be in [0, 1) (got {Noise}).");
        Require(Format is "table" or "json", $"--format must be 'table' or 'json' (got '{Format}').");
        var extension = PlotPath is null ? null : Path.GetExtension(PlotPath).ToLowerInvariant();
        Require(PlotPath is null || extension is ".png" or ".svg", $"--plot must name a .png or .svg file (got '{PlotPath}').");
        Require(ModelPath is null || File.Exists(ModelPath), $"--model: file '{ModelPath}' does not exist.");

        // A manifest batch is one fixed workload on the node emulator's GPU: nothing to draw or sweep.
        Require(ManifestFiles.Count == 0 || (Dataset is null && Trace is null && Seeds == 1 && !AllAtOnce), "--manifests cannot be combined with --dataset, --trace, --seeds or --paper.");
    }

    private static void Require(bool condition, string message)
    {
        if (!condition)
        {
            throw new UsageException(message);
        }
    }
}
