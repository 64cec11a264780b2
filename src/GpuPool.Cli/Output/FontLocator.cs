namespace GpuPool.Cli.Output;

/// <summary>
/// Finds a TrueType font for plot text: without a registered font ScottPlot silently drops text
/// on machines with no system fonts. GPUPOOL_PLOT_FONT overrides the search.
/// </summary>
public static class FontLocator
{
    public const string EnvironmentVariable = "GPUPOOL_PLOT_FONT";

    private static readonly string[] Candidates =
    [
        "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf",
        "/usr/share/fonts/dejavu/DejaVuSans.ttf",
        "/usr/share/fonts/TTF/DejaVuSans.ttf",
        "/Library/Fonts/Arial.ttf",
        "C:\\Windows\\Fonts\\arial.ttf",
    ];

    /// <summary>The font file to use; throws naming what was searched and how to fix it.</summary>
    public static string Locate(Func<string, string?> environment, Func<string, bool> exists)
    {
        ArgumentNullException.ThrowIfNull(environment);
        ArgumentNullException.ThrowIfNull(exists);
        var configured = environment(EnvironmentVariable);
        if (!string.IsNullOrWhiteSpace(configured))
        {
            return exists(configured)
                ? configured
                : throw new UsageException($"{EnvironmentVariable}={configured}: font file not found.");
        }

        return Candidates.FirstOrDefault(exists)
            ?? throw new UsageException($"--plot needs a TrueType font and none was found (searched {string.Join(", ", Candidates)}). Install one (e.g. apt-get install fonts-dejavu-core) or set {EnvironmentVariable} to a .ttf file.");
    }
}
