namespace GpuPool.Architecture.Tests.Support;

/// <summary>The checkout these tests were built from: the directory above the test output holding Scheduler.sln.</summary>
internal static class Repository
{
    public static string Root { get; } = FindRoot();

    public static string PathOf(string relative) => Path.Combine(Root, relative);

    private static string FindRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Scheduler.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException($"No Scheduler.sln above {AppContext.BaseDirectory}: the architecture tests read the checkout they were built from.");
    }
}
