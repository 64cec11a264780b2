namespace GpuPool.Simulation.Tests;

/// <summary>Finds the shared data folder beside the repository (tests only; the product never reads it).</summary>
public static class SharedData
{
    public static string Folder(string name)
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Scheduler.sln")))
        {
            dir = dir.Parent;
        }

        if (dir is null)
        {
            throw new InvalidOperationException("Scheduler.sln not found above the test assembly; cannot locate ../shared/data.");
        }

        // The data sits beside the repository checkout (../shared/data); a worktree nested one level
        // deeper finds it one folder further up.
        for (var root = dir.Parent; root is not null; root = root.Parent)
        {
            var path = Path.Combine(root.FullName, "shared", "data", name);
            if (Directory.Exists(path))
            {
                return path;
            }
        }

        throw new InvalidOperationException($"Shared data folder 'shared/data/{name}' not found beside the repository or above it: these tests need ../shared/data/{name}.");
    }

    public static string Artifact => Folder("gpupool-artifact");
}
