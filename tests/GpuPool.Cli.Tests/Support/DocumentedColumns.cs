namespace GpuPool.Cli.Tests.Support;

/// <summary>
/// The result columns as docs/simulation.md documents them: its column table (table header with
/// unit, JSON name, unit, meaning), read from the copy built beside the tests, so a column renamed,
/// reordered or given another unit in either place fails until the other follows.
/// </summary>
public static class DocumentedColumns
{
    private const string HeaderRow = "| table header | JSON | unit | meaning |";

    public static IReadOnlyList<(string Header, string Json, string Unit)> Read()
    {
        var lines = File.ReadAllLines(Path.Combine(AppContext.BaseDirectory, "Docs", "simulation.md"));
        var start = Array.IndexOf(lines, HeaderRow);
        if (start < 0)
        {
            throw new InvalidOperationException($"docs/simulation.md has no column table starting '{HeaderRow}'.");
        }

        // Skip the header and its |---| separator; the table ends at the first line not starting with '|'.
        return [.. lines.Skip(start + 2).TakeWhile(l => l.StartsWith('|')).Select(l => l.Split('|', StringSplitOptions.TrimEntries)).Select(c => (c[1].Trim('`'), c[2].Trim('`'), c[3]))];
    }
}
