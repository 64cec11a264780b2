using System.Globalization;

namespace GpuPool.Benchmarks.Churn;

/// <summary>
/// What resident memory is made of (Linux /proc/self/status): anonymous pages (the heaps, stacks
/// and native allocations the process owns), file-backed pages (mapped assemblies and native
/// libraries, which the kernel drops and reloads as other processes need memory), and the thread
/// count. NaN and 0 where the file is not there.
/// </summary>
internal sealed record ResidentParts(double AnonMiB, double FileMiB, int Threads)
{
    private const string StatusFile = "/proc/self/status";

    public static ResidentParts Read()
    {
        if (!File.Exists(StatusFile))
        {
            return new ResidentParts(double.NaN, double.NaN, 0);
        }

        var fields = File.ReadLines(StatusFile)
            .Select(line => line.Split(':', 2))
            .Where(parts => parts.Length == 2)
            .ToDictionary(parts => parts[0], parts => parts[1].Trim(), StringComparer.Ordinal);
        return new ResidentParts(Number(fields, "RssAnon") / 1024, Number(fields, "RssFile") / 1024, (int)Number(fields, "Threads"));
    }

    // "RssAnon:   123456 kB", "Threads:   42"
    private static double Number(Dictionary<string, string> fields, string name) =>
        fields.TryGetValue(name, out var value)
            ? double.Parse(value.Split(' ', 2)[0], CultureInfo.InvariantCulture)
            : double.NaN;
}
