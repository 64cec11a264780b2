using System.Globalization;

namespace GpuPool.DevicePlugin.Devices;

/// <summary>
/// Parses <c>nvidia-smi --query-gpu=index,uuid,name,memory.total,ecc.errors.uncorrected.volatile.total
/// --format=csv,noheader,nounits</c>: one line per GPU, fields separated by ", ". The ECC column is the
/// health signal: "[N/A]" (ECC off) counts as healthy, a non-zero count or an error marker such as
/// "[GPU is lost]" or "ERR!" as unhealthy.
/// </summary>
public static class NvidiaSmiCsvParser
{
    /// <summary>The query fields, in the column order the parser expects.</summary>
    public const string QueryFields = "index,uuid,name,memory.total,ecc.errors.uncorrected.volatile.total";

    private const int FieldCount = 5;

    public static IReadOnlyList<NvidiaSmiRow> Parse(string csv, string source = "nvidia-smi output")
    {
        ArgumentNullException.ThrowIfNull(csv);
        var rows = new List<NvidiaSmiRow>();
        var lines = csv.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i].TrimEnd('\r');
            if (line.Trim().Length > 0)
            {
                rows.Add(ParseLine(line, source, i + 1));
            }
        }

        var duplicate = rows.GroupBy(r => r.Index).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new FormatException($"{source}: GPU index {duplicate.Key} appears more than once.");
        }

        return rows;
    }

    private static NvidiaSmiRow ParseLine(string line, string source, int lineNumber)
    {
        var fields = line.Split(',').Select(f => f.Trim()).ToArray();
        if (fields.Length != FieldCount)
        {
            throw new FormatException($"{source} line {lineNumber}: expected {FieldCount} fields ({QueryFields}), found {fields.Length}: '{line}'.");
        }

        var index = int.TryParse(fields[0], NumberStyles.None, CultureInfo.InvariantCulture, out var parsedIndex)
            ? parsedIndex
            : throw Field(source, lineNumber, "index", fields[0], "a non-negative integer");
        var uuid = fields[1].StartsWith("GPU-", StringComparison.Ordinal) && fields[1].Length > 4
            ? fields[1]
            : throw Field(source, lineNumber, "uuid", fields[1], "a GPU UUID starting with 'GPU-'");
        var name = fields[2].Length > 0 ? fields[2] : throw Field(source, lineNumber, "name", fields[2], "a product name");
        var memory = long.TryParse(fields[3], NumberStyles.None, CultureInfo.InvariantCulture, out var parsedMemory) && parsedMemory > 0
            ? parsedMemory
            : throw Field(source, lineNumber, "memory.total", fields[3], "a positive number of MiB");
        return new NvidiaSmiRow(index, uuid, name, memory, Healthy(fields[4], source, lineNumber));
    }

    private static bool Healthy(string ecc, string source, int lineNumber)
    {
        if (ecc == "[N/A]")
        {
            return true;
        }

        if (long.TryParse(ecc, NumberStyles.None, CultureInfo.InvariantCulture, out var errors))
        {
            return errors == 0;
        }

        // nvidia-smi reports a failing device with a bracketed message or "ERR!" in place of a value.
        if (ecc.StartsWith('[') || ecc == "ERR!")
        {
            return false;
        }

        throw Field(source, lineNumber, "ecc.errors.uncorrected.volatile.total", ecc, "a count, [N/A] or an error marker");
    }

    private static FormatException Field(string source, int lineNumber, string field, string value, string expected) =>
        new($"{source} line {lineNumber}: field '{field}' is '{value}', expected {expected}.");
}
