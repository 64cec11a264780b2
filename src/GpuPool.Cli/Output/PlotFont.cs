using ScottPlot;

namespace GpuPool.Cli.Output;

/// <summary>Every plot's text in one font found on the machine (<see cref="FontLocator"/>), so output does not depend on ScottPlot's guess.</summary>
public static class PlotFont
{
    private const string FontName = "GpuPool Plot Sans";

    public static void Use()
    {
        Fonts.AddFontFile(FontName, FontLocator.Locate(Environment.GetEnvironmentVariable, File.Exists));
        Fonts.Default = FontName;
    }
}
