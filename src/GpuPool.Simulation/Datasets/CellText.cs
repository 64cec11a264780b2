namespace GpuPool.Simulation.Datasets;

/// <summary>
/// A cell's text as an error message quotes it: cut to a readable length, so a multi-megabyte
/// field is named, not echoed.
/// </summary>
public static class CellText
{
    /// <summary>Characters of a cell an error message shows.</summary>
    public const int MaxShown = 64;

    public static string Shorten(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return text.Length <= MaxShown ? text : $"{text[..MaxShown]}... ({text.Length} characters)";
    }
}
