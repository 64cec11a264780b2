using GpuPool.Operator.Resources;

namespace GpuPool.Node.Tests;

/// <summary>The repository's samples, as a user would apply them.</summary>
public static class Workloads
{
    /// <summary>Every document of a sample file of kind KIND.</summary>
    public static IReadOnlyList<T> Sample<T>(string file, string kind)
    {
        using var reader = new StreamReader(Path.Combine(AppContext.BaseDirectory, "samples", file));
        return Manifests.Read<T>(reader, kind, file);
    }
}
