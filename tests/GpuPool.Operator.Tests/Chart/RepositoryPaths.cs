namespace GpuPool.Operator.Tests.Chart;

/// <summary>Paths inside the repository, found by walking up from the test assembly to Scheduler.sln.</summary>
public static class RepositoryPaths
{
    public static string Root { get; } = FindRoot();

    public static string Chart => Path.Combine(Root, "charts", "gpupool");

    public static string Dashboard => Path.Combine(Chart, "dashboards", "gpupool.json");

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Scheduler.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"No Scheduler.sln above {AppContext.BaseDirectory}: the chart tests run inside the repository.");
    }
}
