using System.Diagnostics;

namespace GpuPool.Node.Tests;

/// <summary>
/// One of the project's programs (an app's build output, run with `dotnet APP.dll`) started as a
/// host process on the node, its output appended to a log file; killed, with its children, on
/// Stop or Dispose.
/// </summary>
public sealed class HostProcess : IDisposable
{
    private readonly string _dll;
    private readonly IReadOnlyDictionary<string, string> _environment;
    private Process? _process;

    public HostProcess(string dll, IReadOnlyDictionary<string, string> environment, string logPath)
    {
        _dll = File.Exists(dll) ? dll : throw new FileNotFoundException($"{dll} is not built (run make build).", dll);
        _environment = environment;
        LogPath = logPath;
    }

    public string LogPath { get; }

    public void Start()
    {
        var info = new ProcessStartInfo("dotnet", [_dll])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var (key, value) in _environment)
        {
            info.Environment[key] = value;
        }

        var log = new StreamWriter(LogPath, append: true) { AutoFlush = true };
        var process = Process.Start(info) ?? throw new InvalidOperationException($"could not start {_dll}");
        process.OutputDataReceived += (_, e) => Write(log, e.Data);
        process.ErrorDataReceived += (_, e) => Write(log, e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        _process = process;
    }

    public void Stop()
    {
        if (_process is { HasExited: false } process)
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit(15_000);
        }

        _process?.Dispose();
        _process = null;
    }

    public string LogTail(int lines = 40) =>
        File.Exists(LogPath) ? string.Join('\n', File.ReadLines(LogPath).TakeLast(lines)) : "(no log)";

    public void Dispose() => Stop();

    private static void Write(StreamWriter log, string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (log)
        {
            log.WriteLine(line);
        }
    }
}
