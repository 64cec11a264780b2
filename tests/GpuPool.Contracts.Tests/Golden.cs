namespace GpuPool.Contracts.Tests;

/// <summary>The golden wire samples in Fixtures/, one document per file (a trailing newline aside).</summary>
internal static class Golden
{
    public static string Read(string name) => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Fixtures", name)).TrimEnd('\n');
}
