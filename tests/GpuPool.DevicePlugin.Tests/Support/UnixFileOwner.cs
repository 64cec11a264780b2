using System.Diagnostics;
using System.Globalization;

namespace GpuPool.DevicePlugin.Tests.Support;

/// <summary>Group ids of files and of this process (.NET reads neither), from stat(1) and /proc.</summary>
public static class UnixFileOwner
{
    /// <summary>This process's effective group: one it may give its own files without privilege.</summary>
    public static int CurrentGroup { get; } = int.Parse(
        File.ReadLines("/proc/self/status").First(l => l.StartsWith("Gid:", StringComparison.Ordinal)).Split('\t', StringSplitOptions.RemoveEmptyEntries)[2],
        CultureInfo.InvariantCulture);

    public static int GroupOf(string path)
    {
        var start = new ProcessStartInfo("stat", ["-c", "%g", path]) { RedirectStandardOutput = true };
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return int.Parse(output.Trim(), CultureInfo.InvariantCulture);
    }
}
