namespace GpuPool.Cli.Tests.Support;

/// <summary>A temp directory for files a test writes (termination logs), removed afterwards.</summary>
public sealed class TempFiles : IDisposable
{
    private readonly string _directory = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "gpf-" + Guid.NewGuid().ToString("N")[..8]);

    public TempFiles() => Directory.CreateDirectory(_directory);

    public string Path(string name) => System.IO.Path.Combine(_directory, name);

    public void Dispose() => Directory.Delete(_directory, recursive: true);
}
