namespace GpuPool.Cli.Tests.Support;

/// <summary>Paths of the workload fixtures copied next to the test assembly.</summary>
public static class Fixture
{
    public static string Path(string name) => System.IO.Path.Combine(AppContext.BaseDirectory, "Fixtures", name);
}
