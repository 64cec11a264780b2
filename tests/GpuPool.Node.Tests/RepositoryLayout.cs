namespace GpuPool.Node.Tests;

/// <summary>Where the apps' build outputs are, for the configuration this test assembly was built in.</summary>
public static class RepositoryLayout
{
    public static string Root { get; } = FindRoot();

    /// <summary>bin/CONFIG/TFM of this assembly, reused for the apps (make test builds them all alike).</summary>
    public static string AppDll(string project, string dll)
    {
        var tfmDir = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        var configuration = tfmDir.Parent?.Name ?? "Release";
        return Path.Combine(Root, "src", project, "bin", configuration, tfmDir.Name, dll);
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Scheduler.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("Scheduler.sln not found above " + AppContext.BaseDirectory);
    }
}
