using System.Text.RegularExpressions;

namespace GpuPool.Architecture.Tests.Support;

/// <summary>
/// The "Projects and dependencies" table of docs/architecture.md: per project row, the projects its
/// second column names. A parenthesis says why an arrow is there and is not a project name.
/// </summary>
internal static partial class DependencyTable
{
    public const string Document = "docs/architecture.md";

    public static IReadOnlyDictionary<string, IReadOnlySet<string>> Read()
    {
        var rows = new Dictionary<string, IReadOnlySet<string>>(StringComparer.Ordinal);
        foreach (var line in File.ReadLines(Repository.PathOf(Document)))
        {
            var cells = line.Split('|', StringSplitOptions.TrimEntries);
            if (cells.Length < 4 || !cells[1].StartsWith("GpuPool.", StringComparison.Ordinal))
            {
                continue;
            }

            var project = ProjectFile.ShortName(cells[1].Split(' ')[0]);
            var references = Parenthesis().Replace(cells[2], "")
                .Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
                .Where(name => name != "none")
                .ToHashSet(StringComparer.Ordinal);
            if (!rows.TryAdd(project, references))
            {
                throw new InvalidOperationException($"{Document}: {project} has two rows in the dependency table.");
            }
        }

        return rows;
    }

    [GeneratedRegex(@"\([^()]*\)")]
    private static partial Regex Parenthesis();
}
