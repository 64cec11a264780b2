using System.Text;

namespace GpuPool.Simulation.Datasets;

/// <summary>
/// A comma-separated file with a header row, read whole. Fields may be quoted (RFC 4180, no line
/// breaks inside quotes). Every record remembers its line so errors can point at the cell.
/// </summary>
public sealed class CsvTable
{
    private readonly Dictionary<string, int> _columns;

    private CsvTable(string file, IReadOnlyList<string> header, IReadOnlyList<CsvRecord> records, int headerLine)
    {
        File = file;
        HeaderLine = headerLine;
        Header = header;
        Records = records;
        _columns = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < header.Count; i++)
        {
            if (!_columns.TryAdd(header[i], i))
            {
                throw new DatasetFormatException(file, headerLine, i + 1, header[i], "column name appears twice in the header.");
            }
        }
    }

    /// <summary>The file name used in error messages.</summary>
    public string File { get; }

    public IReadOnlyList<string> Header { get; }

    /// <summary>1-based line of the header row.</summary>
    public int HeaderLine { get; }

    public IReadOnlyList<CsvRecord> Records { get; }

    public static CsvTable Load(string path)
    {
        var name = Path.GetFileName(path);
        if (!System.IO.File.Exists(path))
        {
            throw new DatasetFormatException($"{name}: file not found ({path}).");
        }

        return Parse(name, System.IO.File.ReadAllLines(path));
    }

    public static CsvTable Parse(string file, IReadOnlyList<string> lines) => Parse(file, lines, 0);

    /// <summary>
    /// As <see cref="Parse(string, IReadOnlyList{string})"/> with the header on line
    /// <paramref name="headerIndex"/> + 1: a tool's export may print log lines before it. Lines
    /// and errors keep the file's own numbering.
    /// </summary>
    public static CsvTable Parse(string file, IReadOnlyList<string> lines, int headerIndex)
    {
        ArgumentNullException.ThrowIfNull(lines);
        if (headerIndex >= lines.Count || string.IsNullOrWhiteSpace(lines[headerIndex]))
        {
            throw new DatasetFormatException($"{file}:{headerIndex + 1}:1: the header row is missing.");
        }

        var header = SplitLine(file, headerIndex + 1, lines[headerIndex]).Select(h => h.Trim()).ToList();
        var records = new List<CsvRecord>();
        var table = new CsvTable(file, header, records, headerIndex + 1);
        for (var i = headerIndex + 1; i < lines.Count; i++)
        {
            if (string.IsNullOrWhiteSpace(lines[i]))
            {
                continue;
            }

            var fields = SplitLine(file, i + 1, lines[i]);
            if (fields.Count != header.Count)
            {
                throw new DatasetFormatException(file, i + 1, Math.Min(fields.Count, header.Count) + 1, header[Math.Min(fields.Count, header.Count - 1)], $"expected {header.Count} fields, found {fields.Count}.");
            }

            records.Add(new CsvRecord(table, i + 1, fields));
        }

        return table;
    }

    public bool HasColumn(string name) => _columns.ContainsKey(name);

    /// <summary>The 0-based index of a column the file must have.</summary>
    public int RequireColumn(string name) =>
        _columns.TryGetValue(name, out var index)
            ? index
            : throw new DatasetFormatException(File, HeaderLine, Header.Count + 1, name, "required column is missing from the header.");

    private static List<string> SplitLine(string file, int line, string text)
    {
        var fields = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < text.Length && text[i + 1] == '"')
                {
                    field.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    field.Append(c);
                }
            }
            else if (c == '"' && field.Length == 0)
            {
                quoted = true;
            }
            else if (c == ',')
            {
                fields.Add(field.ToString());
                field.Clear();
            }
            else
            {
                field.Append(c);
            }
        }

        if (quoted)
        {
            throw new DatasetFormatException(file, line, fields.Count + 1, $"#{fields.Count + 1}", "unterminated quoted field.");
        }

        fields.Add(field.ToString().TrimEnd('\r'));
        return fields;
    }
}
